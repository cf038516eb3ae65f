import { REGISTRY_SHARDS } from '../../core/ports/state-store.ts';

/**
 * 32-bit FNV-1a over the UTF-8 bytes. Written out rather than borrowed from the core so the
 * shard of a stored unit can never move because an unrelated hash changed: the registry
 * index would silently split if it did.
 */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  }
  return hash;
}

/** The registry shard (0…REGISTRY_SHARDS-1) of a unit: `fnv1a32(utf8(code)) mod REGISTRY_SHARDS`. */
export function registryShard(unitCode: string): number {
  return fnv1a32(unitCode) % REGISTRY_SHARDS;
}
