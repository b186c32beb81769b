/**
 * The entity editor's form state, pure: from an entity to rows of fields and back, and the
 * checks run before anything is sent (the pack format's limits, then `parseEntity` itself,
 * so the background's answer is rarely a surprise). Contexts, links and a relation's date
 * and source are not edited here and pass through unchanged.
 */
import type { CaseRule, ContextPassage, Entity, EntityKind, Link, RelationType } from '../../../lib/model';
import { t } from '../../../lib/i18n';
import { PACK_LIMITS, parseEntity } from '../../../lib/packs/schema';

export interface AliasRow {
  key: number;
  text: string;
  case: CaseRule;
  /** The reader chose the case rule; until then it follows the text (`caseRuleFor`). */
  caseChosen: boolean;
  /** The alias's language (a pack's "Netanjahu" is German), kept as it came; none = any language. */
  lang?: string;
}

export interface RelationRow {
  key: number;
  type: RelationType;
  /** Target entity id ('' until chosen). */
  target: string;
  label: string;
  date?: string;
  sourceId?: string;
}

export interface NegativeRow {
  key: number;
  text: string;
}

export interface EntityForm {
  /** '' for a new entity (its id is made at save time). */
  id: string;
  kind: EntityKind;
  name: string;
  aliases: AliasRow[];
  role: string;
  summary: string;
  relations: RelationRow[];
  negatives: NegativeRow[];
  contexts: ContextPassage[];
  links?: Link[];
}

let lastKey = 0;
/** A key for a new row (stable across renders, unique in the page). */
export function rowKey(): number {
  lastKey += 1;
  return lastKey;
}

export function formFromEntity(entity: Entity): EntityForm {
  return {
    id: entity.id,
    kind: entity.kind,
    name: entity.name,
    aliases: entity.aliases.map((a) => ({ key: rowKey(), text: a.text, case: a.case, caseChosen: true, ...(a.lang ? { lang: a.lang } : {}) })),
    role: entity.role,
    summary: entity.summary,
    relations: entity.relations.map((r) => ({
      key: rowKey(),
      type: r.type,
      target: r.target,
      label: r.label ?? '',
      ...(r.date !== undefined ? { date: r.date } : {}),
      ...(r.sourceId !== undefined ? { sourceId: r.sourceId } : {}),
    })),
    negatives: (entity.negative ?? []).map((text) => ({ key: rowKey(), text })),
    contexts: entity.contexts,
    ...(entity.links ? { links: entity.links } : {}),
  };
}

export function emptyForm(kind: EntityKind = 'person'): EntityForm {
  return {
    id: '',
    kind,
    name: '',
    aliases: [{ key: rowKey(), text: '', case: 'proper', caseChosen: false }],
    role: '',
    summary: '',
    relations: [],
    negatives: [],
    contexts: [],
  };
}

/** The entity the form describes (texts trimmed, empty optional labels dropped). */
export function entityFromForm(form: EntityForm, id: string): Entity {
  const negative = form.negatives.map((n) => n.text.trim());
  return {
    id,
    kind: form.kind,
    name: form.name.trim(),
    aliases: form.aliases.map((a) => ({ text: a.text.trim(), case: a.case, ...(a.lang ? { lang: a.lang } : {}) })),
    role: form.role.trim(),
    summary: form.summary.trim(),
    contexts: form.contexts,
    relations: form.relations.map((r) => ({
      type: r.type,
      target: r.target,
      ...(r.label.trim() !== '' ? { label: r.label.trim() } : {}),
      ...(r.date !== undefined ? { date: r.date } : {}),
      ...(r.sourceId !== undefined ? { sourceId: r.sourceId } : {}),
    })),
    ...(form.links ? { links: form.links } : {}),
    ...(negative.length > 0 ? { negative } : {}),
  };
}

/** One problem found before saving: the field it is about (its DOM id) and what is wrong. */
export interface FormProblem {
  field: string;
  message: string;
}

/** DOM ids of the editor's fields. */
export const fieldIds = {
  name: 'bs-ed-name',
  kind: 'bs-ed-kind',
  role: 'bs-ed-role',
  summary: 'bs-ed-summary',
  aliases: 'bs-ed-add-alias',
  alias: (key: number) => `bs-ed-alias-${key}`,
  aliasCase: (key: number) => `bs-ed-alias-case-${key}`,
  relationType: (key: number) => `bs-ed-rel-type-${key}`,
  relationFind: (key: number) => `bs-ed-rel-find-${key}`,
  relationTarget: (key: number) => `bs-ed-rel-target-${key}`,
  relationLabel: (key: number) => `bs-ed-rel-label-${key}`,
  negative: (key: number) => `bs-ed-neg-${key}`,
} as const;

function tooLong(text: string, max: number): string | null {
  return text.length > max ? t('enTooLong', { length: text.length, max }) : null;
}

/**
 * Everything wrong with the form, in the order of the fields; empty when it can be saved.
 * `installed(id)` says whether a relation target exists in some installed pack.
 */
export function validateForm(form: EntityForm, installed: (id: string) => boolean): FormProblem[] {
  const out: FormProblem[] = [];
  const add = (field: string, message: string) => out.push({ field, message });
  const name = form.name.trim();
  if (name === '') add(fieldIds.name, t('enNameEmpty'));
  else {
    const long = tooLong(name, PACK_LIMITS.name);
    if (long) add(fieldIds.name, t('enNameProblem', { problem: long }));
  }

  if (form.aliases.length === 0) add(fieldIds.aliases, t('enAliasesNone'));
  if (form.aliases.length > PACK_LIMITS.aliasesPerEntity) add(fieldIds.aliases, t('enAliasesTooMany', { max: PACK_LIMITS.aliasesPerEntity }));
  const seen = new Map<string, number>();
  form.aliases.forEach((alias, i) => {
    const text = alias.text.trim();
    const label = t('enAliasN', { n: i + 1 });
    if (text === '') return add(fieldIds.alias(alias.key), t('enFieldEmpty', { label }));
    const long = tooLong(text, PACK_LIMITS.alias);
    if (long) return add(fieldIds.alias(alias.key), t('enFieldProblem', { label, problem: long }));
    const key = `${alias.case}\u0000${alias.lang ?? ''}\u0000${text}`;
    const first = seen.get(key);
    if (first !== undefined) add(fieldIds.alias(alias.key), t('enAliasSame', { label, n: first + 1 }));
    else seen.set(key, i);
  });

  const role = tooLong(form.role.trim(), PACK_LIMITS.role);
  if (role) add(fieldIds.role, t('enRoleProblem', { problem: role }));
  const summary = tooLong(form.summary.trim(), PACK_LIMITS.summary);
  if (summary) add(fieldIds.summary, t('enSummaryProblem', { problem: summary }));

  if (form.relations.length > PACK_LIMITS.relationsPerEntity) add(fieldIds.relationType(form.relations[0]?.key ?? 0), t('enRelationsTooMany', { max: PACK_LIMITS.relationsPerEntity }));
  form.relations.forEach((relation, i) => {
    const label = t('enRelationN', { n: i + 1 });
    if (relation.target === '') add(fieldIds.relationFind(relation.key), t('enRelationChoose', { label }));
    else if (form.id !== '' && relation.target === form.id) add(fieldIds.relationTarget(relation.key), t('enRelationSelf', { label }));
    else if (!installed(relation.target)) {
      add(fieldIds.relationTarget(relation.key), t('enRelationMissing', { label, target: relation.target }));
    }
    const long = tooLong(relation.label.trim(), PACK_LIMITS.label);
    if (long) add(fieldIds.relationLabel(relation.key), t('enRelationWording', { label, problem: long }));
  });

  if (form.negatives.length > PACK_LIMITS.negativesPerEntity) add(fieldIds.negative(form.negatives[0]?.key ?? 0), t('enNegativesTooMany', { max: PACK_LIMITS.negativesPerEntity }));
  form.negatives.forEach((negative, i) => {
    const text = negative.text.trim();
    const label = t('enNegativeN', { n: i + 1 });
    if (text === '') add(fieldIds.negative(negative.key), t('enNegativeEmpty', { label }));
    else {
      const long = tooLong(text, PACK_LIMITS.negative);
      if (long) add(fieldIds.negative(negative.key), t('enFieldProblem', { label, problem: long }));
    }
  });

  if (out.length > 0) return out;
  // Whatever the checks above missed (control characters, …), in the pack format's words.
  const parsed = parseEntity(entityFromForm(form, form.id === '' ? 'user/new' : form.id));
  if (!parsed.ok) for (const line of parsed.errors) add(fieldIds.name, line);
  return out;
}
