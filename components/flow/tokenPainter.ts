import type { TokenGroup, TokenKind } from './flowModel';
import { pointAlong, type FlowLayout, type PlacedEdge, type PlacedNode } from './layoutFlow';
import { BADGE_STYLE, drawToken } from './tokenStyle';

interface Token {
  edge: string;
  kind: TokenKind;
  reverse: boolean;
  start: number;
  /** How many messages this token stands for (shown as ×n when more than one). */
  count: number;
}
interface Badge {
  node: string;
  kind: keyof typeof BADGE_STYLE;
  count: number;
  start: number;
}

/** Where the layout sits in the canvas: scale and offset, shared with the SVG underneath. */
export interface ViewTransform {
  scale: number;
  dx: number;
  dy: number;
}

const TRAVEL_MS = 700;
const BADGE_MS = 600;
/** Tokens per group per frame while an edge is quiet; the rest of the group rides on the last one as ×n. */
const PER_GROUP = 3;
/** On a busy edge, a new token at most this often; messages in between add to the newest token's ×n. */
const SPACING_MS = 90;
/** Hard cap on live tokens: memory and draw time stay flat whatever the message rate. */
export const MAX_TOKENS = 600;

const indexes = new WeakMap<
  FlowLayout,
  { edges: Map<string, PlacedEdge>; nodes: Map<string, PlacedNode> }
>();

/** Lookups by id, built once per layout rather than once per frame. */
function indexOf(layout: FlowLayout) {
  let index = indexes.get(layout);
  if (!index) {
    index = {
      edges: new Map(layout.edges.map((e) => [e.id, e])),
      nodes: new Map(layout.nodes.map((n) => [n.id, n])),
    };
    indexes.set(layout, index);
  }
  return index;
}

/** Animates messages along edges on a canvas, aggregated per frame so 5,000 msg/s costs what 50 do. */
export class TokenPainter {
  private tokens: Token[] = [];
  private badges: Badge[] = [];
  /** Newest token per edge and kind (and badge per node and kind), to fold busy traffic into it. */
  private newest = new Map<string, Token>();
  private newestBadge = new Map<string, Badge>();

  add(
    frame: { tokens: TokenGroup[]; badges: Map<string, { ack: number; nack: number }> },
    now: number,
  ): void {
    for (const g of frame.tokens) {
      const key = `${g.edge}|${g.kind}|${g.reverse}`;
      const start = now + (g.delayed ? TRAVEL_MS / 2 : 0);
      const last = this.newest.get(key);
      if (last && start - last.start < SPACING_MS) {
        last.count += g.count;
        continue;
      }
      const shown = last ? 1 : Math.min(g.count, PER_GROUP);
      for (let i = 0; i < shown; i++) {
        const count = i === shown - 1 ? g.count - (shown - 1) : 1;
        const token = {
          edge: g.edge,
          kind: g.kind,
          reverse: g.reverse,
          start: start + i * 70,
          count,
        };
        this.tokens.push(token);
        this.newest.set(key, token);
      }
    }
    for (const [node, counts] of frame.badges) {
      for (const kind of ['ack', 'nack'] as const) {
        if (!counts[kind]) continue;
        const key = `${node}|${kind}`;
        const last = this.newestBadge.get(key);
        if (last && now - last.start < SPACING_MS * 2) last.count += counts[kind];
        else {
          const badge = { node, kind, count: counts[kind], start: now };
          this.badges.push(badge);
          this.newestBadge.set(key, badge);
        }
      }
    }
    if (this.tokens.length > MAX_TOKENS) this.tokens.splice(0, this.tokens.length - MAX_TOKENS);
    if (this.badges.length > 200) this.badges.splice(0, this.badges.length - 200);
  }

  get live(): number {
    return this.tokens.length;
  }

  draw(
    ctx: CanvasRenderingContext2D,
    layout: FlowLayout,
    view: ViewTransform,
    now: number,
    dark: boolean,
  ): void {
    ctx.save();
    ctx.translate(view.dx, view.dy);
    ctx.scale(view.scale, view.scale);
    const { edges, nodes } = indexOf(layout);
    this.tokens = this.tokens.filter((t) => now - t.start < TRAVEL_MS && edges.has(t.edge));
    ctx.font = '600 10px ui-sans-serif, system-ui, sans-serif';
    for (const t of this.tokens) {
      const progress = (now - t.start) / TRAVEL_MS;
      if (progress < 0) continue;
      const p = pointAlong(edges.get(t.edge)!.points, t.reverse ? 1 - progress : progress);
      drawToken(ctx, t.kind, p.x, p.y, 5, dark);
      if (t.count > 1) ctx.fillText(`×${t.count}`, p.x + 8, p.y - 6);
    }
    this.badges = this.badges.filter((b) => now - b.start < BADGE_MS && nodes.has(b.node));
    ctx.font = '700 14px ui-sans-serif, system-ui, sans-serif';
    for (const b of this.badges) {
      const n = nodes.get(b.node)!;
      const f = (now - b.start) / BADGE_MS;
      const style = BADGE_STYLE[b.kind];
      ctx.globalAlpha = 1 - f;
      ctx.fillStyle = dark ? style.dark : style.light;
      const x = n.x + n.width / 2 - (b.kind === 'ack' ? 30 : 14);
      ctx.fillText(
        `${style.glyph}${b.count > 1 ? b.count : ''}`,
        x,
        n.y - n.height / 2 - 4 - f * 12,
      );
    }
    ctx.globalAlpha = 1;
    ctx.restore();
  }
}
