/**
 * AntV F2 on a Taro `Canvas type="2d"`. The mini-program hands out the canvas node through a
 * selector query; H5 renders a real <canvas> inside Taro's element. Either way the backing store
 * is scaled by the pixel ratio and F2 draws through the 2D context (no DOM, no F2 renderer of its
 * own). Build the chart with F2's `createElement` (see TrendChart), not React JSX.
 */
import { useEffect, useMemo, useRef } from 'react';
import Taro from '@tarojs/taro';
import { Canvas as TaroCanvas, View } from '@tarojs/components';
import { Canvas } from '@antv/f2';

type F2Element = ReturnType<typeof import('@antv/f2').createElement>;

interface Props {
  /** names the canvas (a counter is added, so it stays unique in the document) */
  id: string;
  /** the F2 element tree to draw; a new tree redraws the chart */
  chart: F2Element;
  /** what the chart shows, for screen readers (a canvas has no text of its own) */
  label: string;
}

interface Surface {
  context: CanvasRenderingContext2D;
  width: number;
  height: number;
  pixelRatio: number;
  raf?: (fn: () => void) => number;
  caf?: (id: number) => void;
}

function pixelRatio(): number {
  try {
    return Taro.getWindowInfo?.().pixelRatio ?? Taro.getSystemInfoSync().pixelRatio ?? 2;
  } catch {
    return 2;
  }
}

/** The canvas and its CSS size once laid out; null when the platform gave none (e.g. a simulator without canvas). */
function findSurface(id: string): Promise<Surface | null> {
  const dpr = pixelRatio();
  if (DEV_GATEWAY) {
    // H5: Taro's <taro-canvas-core id> wraps a plain <canvas>
    const host = document.getElementById(id);
    const el = host instanceof HTMLCanvasElement ? host : host?.querySelector('canvas');
    const rect = (el ?? host)?.getBoundingClientRect();
    const context = el?.getContext('2d');
    if (!el || !rect || !context || rect.width === 0) return Promise.resolve(null);
    el.width = Math.round(rect.width * dpr);
    el.height = Math.round(rect.height * dpr);
    return Promise.resolve({ context, width: rect.width, height: rect.height, pixelRatio: dpr });
  }
  return new Promise((resolve) => {
    // the test simulator answers select() with nothing: no canvas there, as on a platform without one
    const query = Taro.createSelectorQuery().select(`#${id}`) as ReturnType<Taro.SelectorQuery['select']> | undefined;
    if (!query) return resolve(null);
    query
      .fields({ node: true, size: true })
      .exec((res: ({ node?: Taro.Canvas; width?: number; height?: number } | null)[] | undefined) => {
        const hit = res?.[0];
        const node = hit?.node;
        if (!node || !hit.width || !hit.height) return resolve(null);
        node.width = Math.round(hit.width * dpr);
        node.height = Math.round(hit.height * dpr);
        const context = node.getContext('2d') as unknown as CanvasRenderingContext2D;
        resolve({
          context,
          width: hit.width,
          height: hit.height,
          pixelRatio: dpr,
          // the 2d canvas node has its own frame loop; the mini-program has no global one
          raf: (fn) => node.requestAnimationFrame(fn),
          caf: (n) => node.cancelAnimationFrame(n),
        });
      });
  });
}

let instances = 0;

export function F2Chart({ id: name, chart, label }: Props) {
  // H5 keeps earlier pages in the document: the same chart on two pages needs two ids
  const id = useMemo(() => `${name}-${++instances}`, [name]);
  const f2 = useRef<Canvas | null>(null);
  const latest = useRef(chart);
  latest.current = chart;

  useEffect(() => {
    let gone = false;
    const draw = (s: Surface) => {
      f2.current = new Canvas({
        context: s.context,
        width: s.width,
        height: s.height,
        pixelRatio: s.pixelRatio,
        animate: false,
        children: latest.current,
        ...(s.raf ? { requestAnimationFrame: s.raf, cancelAnimationFrame: s.caf } : {}),
      } as ConstructorParameters<typeof Canvas>[0]);
      void f2.current.render();
    };
    // the canvas node exists only once the page has laid it out (H5: once Taro's web component
    // has rendered its inner <canvas>), so look again a few times before giving up
    let retry: ReturnType<typeof setTimeout> | undefined;
    const attempt = (left: number) => {
      if (gone) return;
      void findSurface(id).then((s) => {
        if (gone) return;
        if (s) draw(s);
        else if (left > 0) retry = setTimeout(() => attempt(left - 1), 100);
      });
    };
    Taro.nextTick(() => attempt(20));
    return () => {
      // a page left before its canvas appeared stops looking for it
      gone = true;
      clearTimeout(retry);
      f2.current?.destroy();
      f2.current = null;
    };
  }, [id]);

  useEffect(() => {
    // update() replaces every prop: keep the context and size, swap the tree
    const c = f2.current;
    if (c) void c.update({ ...c.props, children: chart });
  }, [chart]);

  return (
    <View aria-label={label} role='img'>
      <TaroCanvas type='2d' id={id} canvasId={id} className='chart' />
    </View>
  );
}
