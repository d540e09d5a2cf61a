/**
 * A district's or street's dashboard. The window defaults to the latest snapshot's; picking
 * another start day shows the snapshot of that window, computing it when there is none yet
 * (computing is idempotent on the server: the same data gives the same snapshot back).
 */
import { useCallback, useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { compute, listSnapshots, type SnapshotSummary } from '@shared/contracts/metrics';
import type { ScopeLevel } from '@shared/domain/metrics';
import { isAppError } from '@shared/errors';
import { useAsync } from '../../hooks/useAsync';
import { firstPage } from '../../hooks/usePagedList';
import { call } from '../../services/cloud';
import { ErrorView, Loading } from '../States';
import { useReturnReload } from '../../hooks/useReturnReload';
import { SnapshotPanel } from './SnapshotPanel';
import { WindowPicker } from './WindowPicker';

interface Props {
  level: ScopeLevel;
  id: string;
  /** first day of the window asked for (from a district's drill-down into a street) */
  from?: string;
  /** district liaisons and the city team enter assessor items */
  canAssess: boolean;
}

/** The newest snapshot of the window starting `from`, or the newest of all without one. */
function pick(items: SnapshotSummary[], from: string | undefined): SnapshotSummary | null {
  return (from ? items.find((s) => s.window.from === from) : items[0]) ?? null;
}

export function ScopeDashboard({ level, id, from: askedFrom, canAssess }: Props) {
  const [from, setFrom] = useState<string | undefined>(askedFrom);
  const list = useAsync(() => firstPage((offset) => call(listSnapshots, { scope: { level, id }, offset, limit: 50 })));
  const [computing, setComputing] = useState(false);
  const [computeError, setComputeError] = useState<string | null>(null);
  const [tried, setTried] = useState<string | null>(null);

  const items = list.status === 'ready' ? list.data : [];
  const chosen = pick(items, from);
  const { reload } = list;
  // back from an assessor entry (which recomputes): show the new snapshot of the window
  useReturnReload(reload);

  const recompute = useCallback(async (windowFrom: string | undefined) => {
    setComputing(true);
    setComputeError(null);
    try {
      const out = await call(compute, { scope: { level, id }, ...(windowFrom ? { from: windowFrom } : {}) }, { timeoutMs: 60_000 });
      if (out.status === 'partial') setComputeError(out.message);
      else {
        void Taro.showToast({ title: out.created ? '统计已更新' : '数据没有变化', icon: 'none' });
        setFrom(out.snapshot.window.from);
        reload();
      }
    } catch (e) {
      setComputeError(isAppError(e) ? e.message : '统计没有成功，请重试');
    } finally {
      setComputing(false);
    }
  }, [level, id, reload]);

  // nothing stored for the asked window yet: compute it once, without making the liaison ask
  const key = from ?? '(latest)';
  useEffect(() => {
    if (list.status === 'ready' && !chosen && !computing && tried !== key) {
      setTried(key);
      void recompute(from);
    }
  }, [list.status, chosen, computing, tried, key, from, recompute]);

  if (list.status === 'loading') return <Loading text='正在读取统计…' />;
  if (list.status === 'error') return <ErrorView error={list.error} onRetry={list.reload} />;
  return (
    <View>
      <WindowPicker from={chosen?.window.from ?? from ?? ''} onChange={setFrom} />
      {computing ? <Loading text='正在统计，请稍候…' /> : null}
      {computeError ? (
        <View className='state state--error' role='alert'>
          <Text className='state__text'>{computeError}</Text>
          <Button className='btn btn--primary' onClick={() => void recompute(from)}>重试</Button>
        </View>
      ) : null}
      {chosen && !computing ? (
        <SnapshotPanel key={chosen.id} id={chosen.id} history={items} canAssess={canAssess} onRecompute={() => void recompute(chosen.window.from)} />
      ) : null}
    </View>
  );
}
