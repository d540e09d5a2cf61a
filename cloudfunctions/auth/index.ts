import { createFunction } from '../_kit/runtime';
import { consentHandler } from './consent';
import { meHandler } from './me';
import { staffLoginHandler } from './staff-login';

export const main = createFunction('auth', [meHandler, staffLoginHandler, consentHandler]);
