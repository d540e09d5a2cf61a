import { createFunction } from '../_kit/runtime';
import { meHandler } from './me';

export const main = createFunction('auth', [meHandler]);
