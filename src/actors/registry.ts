/**
 * The actors of one document as they are found: one actor per identity key, the names and short forms
 * that refer to each person, and the most recently mentioned actors of each kind, for coreference.
 */
import type { Actor, ActorKind } from '../doc.js';
import { emptyObjectArray } from '../object-arrays.js';

export interface ActorNotes {
  /** Role words of the actor, each once, in the order first given (a handful at most). */
  roles: string[];
  gender: 'm' | 'f' | null;
}

const RECENT = 8;

/**
 * `recentOf`'s list for a kind with none yet: an empty array of V8's shape for arrays of objects, that of
 * the lists `touch` fills (a `[]` has the shape for small integers, and code reading the lists met two).
 */
const NO_ACTORS: readonly Actor[] = emptyObjectArray<Actor>();

/** Notes that an actor has had the role `role`. */
export function addRole(notes: ActorNotes, role: string): void {
  if (!notes.roles.includes(role)) notes.roles.push(role);
}

function nameBit(name: string): number {
  const n = name.length;
  return (n * 31 + name.charCodeAt(0) + 7 * name.charCodeAt(n - 1)) & 63;
}

/**
 * One per document. Its maps are made on first use, as many documents need only some of them and the
 * stage's cost per document matters on short ones.
 */
export class ActorRegistry {
  readonly actors: Actor[] = [];
  private notes: Map<Actor, ActorNotes> | null = null;
  private byKey: Map<string, Actor> | null = null;
  /** Full names and single name tokens of persons, to the actor (the latest one wins). */
  private names: Map<string, Actor> | null = null;
  /**
   * A 64-bit filter of the names (a bit per hash of length and end characters, in two halves): most
   * capitalised words are no name given yet, and the filter says so without hashing the word.
   */
  private namesLo = 0;
  private namesHi = 0;
  /** Distinct actors, most recently mentioned first, by kind. */
  private recent: Map<ActorKind, Actor[]> | null = null;

  /** The actor with identity `key`, created from `make` (given the new actor's id) the first time. */
  obtain(key: string, make: (id: string) => Actor): Actor {
    return this.byKey?.get(key) ?? this.add(key, make(this.nextId()));
  }

  /** The actor with identity `key`, if there is one. */
  get(key: string): Actor | undefined {
    return this.byKey?.get(key);
  }

  /** The id the next new actor takes. */
  nextId(): string {
    return `a${this.actors.length + 1}`;
  }

  /** Adds a new actor (its id from `nextId`) under identity `key`. */
  add(key: string, actor: Actor): Actor {
    (this.byKey ??= new Map()).set(key, actor);
    this.actors.push(actor);
    return actor;
  }

  /** Makes `name` refer to `actor` from now on. */
  setName(name: string, actor: Actor): void {
    const bit = nameBit(name);
    if (bit < 32) this.namesLo |= 1 << bit;
    else this.namesHi |= 1 << (bit - 32);
    (this.names ??= new Map()).set(name, actor);
  }

  /** The actor `name` refers to, if any. */
  named(name: string): Actor | undefined {
    const bit = nameBit(name);
    const set = bit < 32 ? this.namesLo & (1 << bit) : this.namesHi & (1 << (bit - 32));
    return set === 0 ? undefined : this.names?.get(name);
  }

  note(actor: Actor): ActorNotes {
    // Made on first use: most actors (countries, organisations) never need notes.
    this.notes ??= new Map();
    let notes = this.notes.get(actor);
    if (!notes) this.notes.set(actor, (notes = { roles: [], gender: null }));
    return notes;
  }

  /** Records a mention of `actor`, making it the most recent of its kind. */
  touch(actor: Actor): void {
    this.recent ??= new Map();
    let list = this.recent.get(actor.kind);
    if (!list) this.recent.set(actor.kind, (list = []));
    // Moved (or added) to the front in place; a full list drops its oldest.
    let at = list.indexOf(actor);
    if (at === 0) return;
    if (at < 0) {
      if (list.length < RECENT) list.push(actor);
      at = list.length - 1;
    }
    for (let k = at; k > 0; k--) list[k] = list[k - 1]!;
    list[0] = actor;
  }

  /** The most recently mentioned actors of a kind, most recent first (at most a handful). */
  recentOf(kind: ActorKind): readonly Actor[] {
    return this.recent?.get(kind) ?? NO_ACTORS;
  }
}
