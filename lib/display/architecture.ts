/**
 * The workbook's two architecture diagrams, drawn from the model's machine
 * figures:
 *
 * - today: clients -> one large server that also holds the in-memory
 *   database;
 * - the proposal: clients -> a free load balancer that picks a VM at
 *   random -> a pool of small VMs, drawn with its real count -> a data
 *   layer the VMs share.
 */
import type { Machine } from "../data.js";
import { formatCount, formatRps, formatUsd } from "../format.js";
import type { ExactInput } from "../money.js";
import type { Palette, Rect } from "./svg.js";
import {
  arrowSvg,
  boxSvg,
  labelSvg,
  leftOf,
  rightOf,
  svgDocument,
} from "./svg.js";

const CLIENTS: Palette = { fill: "#f3f4f6", stroke: "#4b5563" };
const SERVER: Palette = { fill: "#e8f0fe", stroke: "#1d4ed8" };
const DATABASE: Palette = { fill: "#ede9fe", stroke: "#6d28d9" };
const BALANCER: Palette = { fill: "#fef3c7", stroke: "#b45309" };
const POOL: Palette = { fill: "#f0fdf4", stroke: "#15803d" };
const VM: Palette = { fill: "#dcfce7", stroke: "#15803d" };

/** The most VM boxes drawn; a larger pool shows its first and last ones. */
export const MAX_VM_BOXES = 5;

/** Options shared by both diagrams. */
export interface ArchitectureOptions {
  /** Traffic to write on the clients' arrow, e.g. 200,000 req/s. */
  targetRps?: ExactInput;
}

/** Options of the proposed architecture. */
export interface ProposedOptions extends ArchitectureOptions {
  /** The shared data layer's price, shown when given. */
  dataLayerUsdPerHour?: ExactInput;
}

const perHour = (usd: ExactInput) => `${formatUsd(usd)}/h`;

/** "32 cores · 128 GB", or "1 core · 2 GB". */
function sizeLine(machine: Machine): string {
  const cores =
    `${formatCount(machine.cores)} core` + (machine.cores.eq(1) ? "" : "s");
  return `${cores} · ${formatCount(machine.memoryGb)} GB memory`;
}

function traffic(options: ArchitectureOptions): string {
  return options.targetRps === undefined
    ? "requests"
    : formatRps(options.targetRps);
}

/**
 * Today's architecture: every request goes to one server, whose database
 * lives in its own memory.
 *
 * @example show.diagram(currentArchitectureSvg(data.server))
 */
export function currentArchitectureSvg(
  server: Machine,
  options: ArchitectureOptions = {},
): string {
  const clients: Rect = { x: 16, y: 95, width: 110, height: 60 };
  const box: Rect = { x: 236, y: 16, width: 320, height: 218 };
  const database: Rect = { x: 266, y: 136, width: 260, height: 76 };

  return svgDocument({
    widthPx: 572,
    heightPx: 250,
    title: `Today: one ${server.label} serves every request`,
    body: (marker) => [
      boxSvg({ ...clients, lines: ["Clients"], palette: CLIENTS }),
      arrowSvg(rightOf(clients), leftOf(box), marker, traffic(options)),
      boxSvg({
        ...box,
        textAt: "top",
        palette: SERVER,
        lines: [
          server.label,
          sizeLine(server),
          `serves ${formatRps(server.capacityRps)}`,
          `${perHour(server.usdPerHour)}`,
        ],
      }),
      boxSvg({
        ...database,
        palette: DATABASE,
        lines: ["In-memory database", "on the same machine, in its memory"],
      }),
    ],
  });
}

/**
 * The VM boxes to draw: all of them up to MAX_VM_BOXES, else the first
 * three, a gap standing for the rest, and the last.
 */
export function vmRows(vmCount: number): (number | "gap")[] {
  if (vmCount <= MAX_VM_BOXES) {
    return Array.from({ length: vmCount }, (_, i) => i + 1);
  }
  return [1, 2, 3, "gap", vmCount];
}

/** Where each part of the proposed diagram sits, in SVG pixels. */
interface ProposedLayout {
  widthPx: number;
  heightPx: number;
  clients: Rect;
  balancer: Rect;
  pool: Rect;
  data: Rect;
  /** One entry per VM row: its box, or the gap that stands for the rest. */
  rows: { vm: number | "gap"; box: Rect }[];
}

const ROW_PX = 32;
const ROW_GAP_PX = 10;
const POOL_HEADER_PX = 58;

/** Lays the diagram out left to right, centred on the pool's height. */
function proposedLayout(vmCount: number): ProposedLayout {
  const shown = vmRows(vmCount);
  const poolHeight = POOL_HEADER_PX + shown.length * (ROW_PX + ROW_GAP_PX) + 4;
  const pool: Rect = { x: 476, y: 16, width: 270, height: poolHeight };
  const middle = pool.y + pool.height / 2;
  return {
    widthPx: 1002,
    heightPx: pool.y + pool.height + 44,
    clients: { x: 16, y: middle - 30, width: 110, height: 60 },
    balancer: { x: 236, y: middle - 45, width: 170, height: 90 },
    pool,
    data: { x: 816, y: middle - 45, width: 170, height: 90 },
    rows: shown.map((vm, i) => ({
      vm,
      box: {
        x: pool.x + 25,
        y: pool.y + POOL_HEADER_PX + i * (ROW_PX + ROW_GAP_PX),
        width: pool.width - 50,
        height: ROW_PX,
      },
    })),
  };
}

/**
 * The VM rows with their arrows: in from the balancer, out to the data
 * layer. Each VM's arrow meets the data layer at its own height, so the
 * arrowheads do not pile up on one point.
 */
function vmRowsSvg(
  vm: Machine,
  vmCount: number,
  layout: ProposedLayout,
  marker: string,
): string[] {
  const { balancer, data, rows } = layout;
  const boxes = rows.filter((row) => row.vm !== "gap");
  const intoData = (k: number) => ({
    x: data.x,
    y: data.y + (data.height * (k + 1)) / (boxes.length + 1),
  });
  const hidden = vmCount - (MAX_VM_BOXES - 1);
  const gap = rows.find((row) => row.vm === "gap");

  const parts = boxes.flatMap(({ vm: number, box }, k) => [
    boxSvg({
      ...box,
      palette: VM,
      lines: [`VM ${formatCount(number)}  ·  ${formatRps(vm.capacityRps)}`],
    }),
    arrowSvg(rightOf(balancer), leftOf(box), marker),
    arrowSvg(rightOf(box), intoData(k), marker),
  ]);
  if (gap !== undefined) {
    const { box } = gap;
    parts.push(
      labelSvg(
        { x: box.x + box.width / 2, y: box.y + box.height / 2 + 4 },
        `… ${formatCount(hidden)} more VMs …`,
      ),
    );
  }
  return parts;
}

/**
 * The proposal: a free load balancer spreads requests at random over
 * `vmCount` VMs, and every VM reads and writes one shared data layer.
 *
 * @throws RangeError when `vmCount` is not a whole number of 1 or more.
 * @example show.diagram(proposedArchitectureSvg(data.vm, plan.vms.count))
 */
export function proposedArchitectureSvg(
  vm: Machine,
  vmCount: number,
  options: ProposedOptions = {},
): string {
  if (!Number.isInteger(vmCount) || vmCount < 1) {
    throw new RangeError(
      `proposedArchitectureSvg: vmCount must be a whole number of 1 or ` +
        `more, got ${vmCount}`,
    );
  }

  const layout = proposedLayout(vmCount);
  const { clients, balancer, pool, data } = layout;
  const dataLines = ["Shared data layer", "used by every VM"];
  if (options.dataLayerUsdPerHour !== undefined) {
    dataLines.push(perHour(options.dataLayerUsdPerHour));
  }
  const totals =
    `in all: ${formatRps(vm.capacityRps.times(vmCount))}, ` +
    perHour(vm.usdPerHour.times(vmCount));

  return svgDocument({
    widthPx: layout.widthPx,
    heightPx: layout.heightPx,
    title:
      `Proposal: a load balancer spreads requests over ` +
      `${formatCount(vmCount)} × ${vm.label}`,
    body: (marker) => [
      boxSvg({ ...clients, lines: ["Clients"], palette: CLIENTS }),
      arrowSvg(rightOf(clients), leftOf(balancer), marker, traffic(options)),
      boxSvg({
        ...balancer,
        palette: BALANCER,
        lines: ["Load balancer", "picks a VM at random", "free: $0.00/h"],
      }),
      boxSvg({
        ...pool,
        textAt: "top",
        dashed: true,
        palette: POOL,
        lines: [
          `${formatCount(vmCount)} × ${vm.label}`,
          `each ${sizeLine(vm)}, ${perHour(vm.usdPerHour)}`,
        ],
      }),
      ...vmRowsSvg(vm, vmCount, layout, marker),
      boxSvg({ ...data, palette: DATABASE, lines: dataLines }),
      labelSvg(
        { x: pool.x + pool.width / 2, y: pool.y + pool.height + 26 },
        totals,
        13,
      ),
    ],
  });
}
