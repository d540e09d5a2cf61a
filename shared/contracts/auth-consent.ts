/**
 * auth.consent: the resident accepts the privacy notice (个人信息保护指引). Nothing personal is
 * asked for or accepted before it; the version and time are kept on the user record.
 */
import { z } from 'zod';
import { defineAction } from '../contract';
import { instantOutput } from './common';

/** Bump when the notice text changes: everyone is asked again. */
export const PRIVACY_NOTICE_VERSION = '2026-09';

export const CONSENT_CODES = { outdated: 'PRIVACY_NOTICE_OUTDATED', required: 'CONSENT_REQUIRED' } as const;

export const consent = defineAction(
  'auth',
  'consent',
  z.object({ version: z.string().min(1).max(20) }).strict(),
  z.object({ version: z.string(), at: instantOutput }),
);
