import { useState } from 'react';
import { localDate, localTime, toInstant } from '../../../lib/time';

/** 时间 fields of a record: today and now by default, sent as a Shanghai instant. */
export function useWhen() {
  const [date, setDate] = useState(() => localDate());
  const [time, setTime] = useState(() => localTime());
  return { date, time, setDate, setTime, at: toInstant(date, time) };
}
