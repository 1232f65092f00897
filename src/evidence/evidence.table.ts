// One row per uploaded file (migration 0030). Everything that says what the file is — its type,
// size, the hashes of the clean copy and of the original — is sealed with the file's own key,
// which is itself sealed with the owner's key (a case key, or an organisation's public key for
// anonymous tips). Only the owner scope, whether an original is kept and the day stay in clear.

export interface EvidenceFilesTable {
  id: string;
  /** what the file belongs to and what its AAD names: "case:<id>", "tip:<id>" */
  scope: string;
  /** the case whose key seals it (null for files sealed to an organisation's public key) */
  case_id: string | null;
  /** the file key: "g1." sealed with a symmetric key, or "x1." sealed to a public key */
  key_wrapped: string;
  /** JSON of FileMeta, sealed with the file key */
  meta_sealed: string;
  /** the clean copy (metadata stripped), AES-256-GCM: nonce | ciphertext | tag */
  content: Buffer;
  /** the original as uploaded, kept only when a verifier needs it as evidence */
  original: Buffer | null;
  has_original: number;
  created_on: string;
}

export interface EvidenceTables {
  evidence_files: EvidenceFilesTable;
}
