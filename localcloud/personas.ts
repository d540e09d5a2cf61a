/**
 * Development sign-in identities: who a developer can pretend to be in the H5 build. Written by
 * the demo seed next to the data file; never part of a production build or of CloudBase.
 */
import fs from 'node:fs';
import { z } from 'zod';

export const persona = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  label: z.string().min(1),
  kind: z.enum(['resident', 'staff', 'liaison']),
  /** the OPENID the gateway presents to functions for this persona */
  openid: z.string().min(1),
  description: z.string().default(''),
});
export type Persona = z.infer<typeof persona>;

export function readPersonas(file: string): Persona[] {
  if (!fs.existsSync(file)) return [];
  return z.array(persona).parse(JSON.parse(fs.readFileSync(file, 'utf8')));
}

export function writePersonas(file: string, personas: Persona[]): void {
  fs.writeFileSync(file, `${JSON.stringify(z.array(persona).parse(personas), null, 2)}\n`);
}
