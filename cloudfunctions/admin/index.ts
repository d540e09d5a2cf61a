import { createFunction } from '../_kit/runtime';
import { importStaffHandler } from './import';
import { listStaffHandler } from './list';
import { createStaffHandler, setStaffActiveHandler, updateStaffHandler } from './manage';

export const main = createFunction('admin', [listStaffHandler, createStaffHandler, updateStaffHandler, setStaffActiveHandler, importStaffHandler]);
