import type { TokenKind } from './flowModel';

/**
 * How each kind of moving message looks. Shape carries the meaning and colour repeats it, so the
 * view reads the same for colour-blind learners and in greyscale; the legend lists both.
 */
export const TOKEN_STYLE: Record<
  TokenKind,
  {
    shape: 'dot' | 'ring' | 'triangle' | 'back-triangle' | 'diamond' | 'star';
    light: string;
    dark: string;
  }
> = {
  message: { shape: 'dot', light: '#1f57c9', dark: '#7aa7ff' },
  redelivery: { shape: 'ring', light: '#b45309', dark: '#fbbf24' },
  retry: { shape: 'triangle', light: '#7c3aed', dark: '#c4b5fd' },
  requeue: { shape: 'back-triangle', light: '#b45309', dark: '#fbbf24' },
  'dead-letter': { shape: 'diamond', light: '#b91c1c', dark: '#f87171' },
  claim: { shape: 'star', light: '#0f766e', dark: '#5eead4' },
};

export const BADGE_STYLE = {
  ack: { glyph: '✓', light: '#15803d', dark: '#4ade80' },
  nack: { glyph: '✕', light: '#b91c1c', dark: '#f87171' },
} as const;

/** Draws one token centred on (x, y). */
export function drawToken(
  ctx: CanvasRenderingContext2D,
  kind: TokenKind,
  x: number,
  y: number,
  r: number,
  dark: boolean,
): void {
  const style = TOKEN_STYLE[kind];
  ctx.fillStyle = ctx.strokeStyle = dark ? style.dark : style.light;
  ctx.lineWidth = 2;
  ctx.beginPath();
  switch (style.shape) {
    case 'dot':
      ctx.arc(x, y, r, 0, Math.PI * 2);
      ctx.fill();
      return;
    case 'ring':
      ctx.arc(x, y, r, 0, Math.PI * 2);
      ctx.stroke();
      return;
    case 'triangle':
    case 'back-triangle': {
      const d = style.shape === 'triangle' ? 1 : -1;
      ctx.moveTo(x + d * r * 1.2, y);
      ctx.lineTo(x - d * r, y - r);
      ctx.lineTo(x - d * r, y + r);
      ctx.closePath();
      ctx.fill();
      return;
    }
    case 'diamond':
      ctx.moveTo(x, y - r * 1.3);
      ctx.lineTo(x + r * 1.3, y);
      ctx.lineTo(x, y + r * 1.3);
      ctx.lineTo(x - r * 1.3, y);
      ctx.closePath();
      ctx.fill();
      return;
    case 'star':
      for (let i = 0; i < 10; i++) {
        const a = (Math.PI / 5) * i - Math.PI / 2;
        const rr = i % 2 === 0 ? r * 1.4 : r * 0.6;
        ctx.lineTo(x + Math.cos(a) * rr, y + Math.sin(a) * rr);
      }
      ctx.closePath();
      ctx.fill();
  }
}
