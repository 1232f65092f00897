// Deployment-wide settings (for example whether the first administrator has been created).
export interface MetaTables {
  meta: { key: string; value: string };
}
