import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { channels } from '../../electron/contract';

/**
 * One area, one name, in every layer: the area is what a channel's name starts with
 * ('review.openPath' → review), and its schemas, its handlers and its screens carry that name.
 */
const areaOf = (channel: string) => channel.slice(0, channel.indexOf('.'));
const areas = [...new Set(channels.map(areaOf))].sort();
/** Schemas more than one area uses: the only contract file that is not an area. */
const SHARED_CONTRACT = 'shared';
/** The desktop shell answers these (native dialogs, clipboard, capture): Electron code, never the core. */
const HOST_HANDLERS = 'electron/main/host-handlers.ts';

const channelsOfArea = (area: string) => channels.filter((c) => areaOf(c) === area).sort();
const stems = (dir: string, suffix: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(suffix))
    .map((f) => f.slice(0, -suffix.length))
    .sort();

describe('area names', () => {
  it('gives every area its own contract file holding exactly its channels', async () => {
    expect(stems('electron/contract', '.ts')).toEqual([...areas, SHARED_CONTRACT].sort());
    for (const area of areas) {
      const module = (await import(`../../electron/contract/${area}.ts`)) as Record<string, object>;
      const contract = module[`${area}Contract`];
      expect(contract, `contract/${area}.ts exports ${area}Contract`).toBeDefined();
      expect(Object.keys(contract!).sort(), `contract/${area}.ts`).toEqual(channelsOfArea(area));
    }
  });

  it('gives every area but the host its own handlers file in electron/core/api, named <area>-handlers.ts', async () => {
    expect(stems('electron/core/api', '-handlers.ts')).toEqual(areas.filter((a) => a !== 'host'));
    expect(existsSync(HOST_HANDLERS)).toBe(true);
    for (const area of areas.filter((a) => a !== 'host')) {
      const module = (await import(`../../electron/core/api/${area}-handlers.ts`)) as Record<string, object>;
      const handlers = module[`${area}Handlers`];
      expect(handlers, `${area}-handlers.ts exports ${area}Handlers`).toBeDefined();
      expect(Object.keys(handlers!).sort(), `${area}-handlers.ts`).toEqual(channelsOfArea(area));
    }
  });

  it('names every renderer feature folder for an area', () => {
    const features = readdirSync('renderer/features');
    expect(features.filter((f) => !areas.includes(f))).toEqual([]);
    // every area with screens of its own; host is a service every feature calls
    expect(areas.filter((a) => !features.includes(a))).toEqual(['host']);
  });
});
