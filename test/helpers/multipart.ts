// A multipart/form-data body as a browser sends it (fields, and at most one file), for inject().

export interface UploadedFile {
  bytes: Buffer;
  name: string;
  type: string;
}

export const multipartBody = async (
  fields: Record<string, string>,
  file?: UploadedFile,
): Promise<{ payload: Buffer; type: string }> => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  if (file) fd.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  const res = new Response(fd);
  return { payload: Buffer.from(await res.arrayBuffer()), type: res.headers.get('content-type')! };
};
