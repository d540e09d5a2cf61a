import { createFunction } from '../_kit/runtime';
import { attendanceHandler, onDutyNowHandler, signInHandler, weekHandler } from './duty';
import { planShiftHandler, removeShiftHandler } from './plan';

export const main = createFunction('roster', [planShiftHandler, removeShiftHandler, weekHandler, signInHandler, onDutyNowHandler, attendanceHandler]);
