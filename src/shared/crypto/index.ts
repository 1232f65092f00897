export * from './aead.ts';
export * from './box.ts';
export * from './passphrase.ts';
