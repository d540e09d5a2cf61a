/**
 * A signature drawn with a finger on the staff device. Uses the classic canvas context, which
 * Taro provides on both the mini-program and H5. `onChange` receives the drawn image as a temp
 * file path (mini-program) or data URL (H5) once the resident lifts the finger.
 */
import { useRef } from 'react';
import Taro from '@tarojs/taro';
import { Button, Canvas, View } from '@tarojs/components';

interface Point { x: number; y: number }
type TouchLike = { x?: number; y?: number; clientX?: number; clientY?: number };

function pointOf(e: { touches?: TouchLike[]; target?: unknown }): Point | null {
  const t = e.touches?.[0];
  if (!t) return null;
  if (typeof t.x === 'number' && typeof t.y === 'number') return { x: t.x, y: t.y };
  // H5: touches are page coordinates; the canvas element gives its own offset.
  const el = e.target as { getBoundingClientRect?: () => { left: number; top: number } } | undefined;
  const rect = el?.getBoundingClientRect?.() ?? { left: 0, top: 0 };
  return { x: (t.clientX ?? 0) - rect.left, y: (t.clientY ?? 0) - rect.top };
}

export function SignaturePad({ id, onChange }: { id: string; onChange: (image: string | null) => void }) {
  const last = useRef<Point | null>(null);
  const drawn = useRef(false);
  const ctx = useRef<Taro.CanvasContext | null>(null);
  const context = () => (ctx.current ??= Taro.createCanvasContext(id));

  const start = (e: { touches?: TouchLike[]; target?: unknown }) => { last.current = pointOf(e); };
  const move = (e: { touches?: TouchLike[]; target?: unknown }) => {
    const p = pointOf(e);
    const from = last.current;
    if (!p || !from) return;
    const c = context();
    c.setStrokeStyle('#1a1a1a');
    c.setLineWidth(4);
    c.setLineCap('round');
    c.beginPath();
    c.moveTo(from.x, from.y);
    c.lineTo(p.x, p.y);
    c.stroke();
    c.draw(true);
    last.current = p;
    drawn.current = true;
  };
  const end = () => {
    last.current = null;
    if (!drawn.current) return;
    Taro.canvasToTempFilePath({ canvasId: id, fileType: 'png', success: (r) => onChange(r.tempFilePath), fail: () => onChange(null) });
  };
  const clear = () => {
    const c = context();
    c.clearRect(0, 0, 2000, 2000);
    c.draw();
    drawn.current = false;
    onChange(null);
  };

  return (
    <View>
      <Canvas canvasId={id} id={id} className='signature' disableScroll onTouchStart={start} onTouchMove={move} onTouchEnd={end} />
      <Button className='btn' onClick={clear}>清除重签</Button>
    </View>
  );
}
