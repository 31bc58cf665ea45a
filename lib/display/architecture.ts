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
import { exact } from "../money.js";
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

function trafficLabel(options: ArchitectureOptions): string {
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
      arrowSvg(rightOf(clients), leftOf(box), marker, trafficLabel(options)),
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

  const rows = vmRows(vmCount);
  const rowHeight = 32;
  const rowGap = 10;
  const poolHeader = 58;
  const poolHeight = poolHeader + rows.length * (rowHeight + rowGap) + 4;
  const pool: Rect = { x: 476, y: 16, width: 270, height: poolHeight };
  const middle = pool.y + pool.height / 2;
  const clients: Rect = { x: 16, y: middle - 30, width: 110, height: 60 };
  const balancer: Rect = { x: 236, y: middle - 45, width: 170, height: 90 };
  const data: Rect = { x: 816, y: middle - 45, width: 170, height: 90 };
  const vmBox = (row: number): Rect => ({
    x: pool.x + 25,
    y: pool.y + poolHeader + row * (rowHeight + rowGap),
    width: pool.width - 50,
    height: rowHeight,
  });
  // Each VM's arrow meets the data layer at its own height, so the
  // arrowheads do not pile up on one point.
  const boxesAbove = (i: number) =>
    rows.slice(0, i).filter((row) => row !== "gap").length;
  const boxes = boxesAbove(rows.length);
  const intoData = (k: number) => ({
    x: data.x,
    y: data.y + (data.height * (k + 1)) / (boxes + 1),
  });

  const totalRps = vm.capacityRps.times(vmCount);
  const totalUsd = vm.usdPerHour.times(vmCount);
  const dataLines = ["Shared data layer", "used by every VM"];
  if (options.dataLayerUsdPerHour !== undefined) {
    dataLines.push(perHour(exact(options.dataLayerUsdPerHour)));
  }

  const vmParts = (marker: string) =>
    rows.map((row, i) => {
      const box = vmBox(i);
      if (row === "gap") {
        const hidden = vmCount - (MAX_VM_BOXES - 1);
        return [
          labelSvg(
            { x: box.x + box.width / 2, y: box.y + rowHeight / 2 + 4 },
            `… ${formatCount(hidden)} more VMs …`,
          ),
        ];
      }
      return [
        boxSvg({
          ...box,
          palette: VM,
          lines: [`VM ${formatCount(row)}  ·  ${formatRps(vm.capacityRps)}`],
        }),
        arrowSvg(rightOf(balancer), leftOf(box), marker),
        arrowSvg(rightOf(box), intoData(boxesAbove(i)), marker),
      ];
    });

  return svgDocument({
    widthPx: 1002,
    heightPx: pool.y + pool.height + 44,
    title:
      `Proposal: a load balancer spreads requests over ` +
      `${formatCount(vmCount)} × ${vm.label}`,
    body: (marker) => [
      boxSvg({ ...clients, lines: ["Clients"], palette: CLIENTS }),
      arrowSvg(
        rightOf(clients),
        leftOf(balancer),
        marker,
        trafficLabel(options),
      ),
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
      ...vmParts(marker).flat(),
      boxSvg({ ...data, palette: DATABASE, lines: dataLines }),
      labelSvg(
        { x: pool.x + pool.width / 2, y: pool.y + pool.height + 26 },
        `in all: ${formatRps(totalRps)}, ${perHour(totalUsd)}`,
        13,
      ),
    ],
  });
}
