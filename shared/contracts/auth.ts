/**
 * auth: who the caller is, as the server sees it. Roles and committee are read from the database
 * on every call; nothing the client says about itself is trusted.
 */
import { z } from 'zod';
import { defineAction } from '../contract';

export const ROLES = ['resident', 'staff', 'secretary', 'street_liaison', 'district_liaison', 'city_admin'] as const;
export const role = z.enum(ROLES);
export type Role = z.infer<typeof role>;

export const regionRef = z.object({ id: z.string(), name: z.string() });

export const me = defineAction(
  'auth',
  'me',
  z.object({}).strict(),
  z.object({
    /** false until the caller accepts the current privacy notice */
    signedIn: z.boolean(),
    displayName: z.string().nullable(),
    /**
     * the caller's staff record when they are committee staff (for "mine" marks; the server
     * decides); null when absent, so a client newer than its server still reads the answer
     */
    staffId: z.string().nullable().default(null),
    roles: z.array(role),
    /**
     * the folder the caller's uploads go to (shared/files.ts uploadDir): the server names the
     * owner, so a file's path says whose it is; null when not signed in
     */
    uploadDir: z.string().nullable().default(null),
    committee: regionRef.nullable(),
    street: regionRef.nullable(),
    district: regionRef.nullable(),
  }),
);
