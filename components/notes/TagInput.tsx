import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { JSX } from 'preact';
import { NOTE_LIMITS } from '../../lib/notes/limits';

export interface TagInputProps {
  /** The input's id (its `<label for>` is the caller's). */
  id: string;
  tags: readonly string[];
  onChange: (tags: string[]) => void;
  disabled?: boolean | undefined;
  /** Text typed but not yet turned into a chip; lets the editor commit it on save. */
  pending: string;
  onPendingChange: (text: string) => void;
}

/** Adds the comma-separated parts of `text` to `tags` (trimmed, de-duplicated, within limits). */
export function addTags(tags: readonly string[], text: string): string[] {
  const out = [...tags];
  for (const part of text.split(',')) {
    const tag = part.trim().slice(0, NOTE_LIMITS.tag);
    if (tag === '' || out.length >= NOTE_LIMITS.tags) continue;
    if (!out.some((t) => t.toLowerCase() === tag.toLowerCase())) out.push(tag);
  }
  return out;
}

/**
 * Tags as removable chips plus one text input: Enter or a comma turns the typed text into
 * a chip; Backspace in the empty input removes the last chip. Plain text only.
 */
export function TagInput({ id, tags, onChange, disabled, pending, onPendingChange }: TagInputProps) {
  const [announce, setAnnounce] = useState('');
  const input = useRef<HTMLInputElement>(null);
  /** A chip's × took focus with it: give it to the input once it is rendered (and enabled). */
  const refocus = useRef(false);
  useEffect(() => {
    if (!refocus.current) return;
    refocus.current = false;
    input.current?.focus();
  });

  const commit = (text: string): void => {
    const next = addTags(tags, text);
    if (next.length !== tags.length) {
      onChange(next);
      setAnnounce(t('notesTagAdded', { tags: next.slice(tags.length).join(', ') }));
    }
    onPendingChange('');
  };

  const remove = (tag: string): void => {
    onChange(tags.filter((t) => t !== tag));
    setAnnounce(t('notesTagRemoved', { tag }));
  };

  const onKeyDown = (e: JSX.TargetedKeyboardEvent<HTMLInputElement>): void => {
    if (e.isComposing) return;
    if ((e.key === 'Enter' && !e.ctrlKey && !e.metaKey) || e.key === ',') {
      e.preventDefault();
      commit(e.currentTarget.value);
    } else if (e.key === 'Backspace' && e.currentTarget.value === '' && tags.length > 0) {
      const last = tags[tags.length - 1];
      if (last !== undefined) remove(last);
    }
  };

  const onInput = (e: JSX.TargetedEvent<HTMLInputElement>): void => {
    const value = e.currentTarget.value;
    // A pasted "a, b, c": every complete part becomes a chip, the rest stays typed.
    const cut = value.lastIndexOf(',');
    if (cut >= 0) {
      onChange(addTags(tags, value.slice(0, cut)));
      onPendingChange(value.slice(cut + 1));
    } else {
      onPendingChange(value);
    }
  };

  return (
    <div class="bs-tags">
      {tags.length > 0 ? (
        <ul class="bs-chips">
          {tags.map((tag) => (
            <li class="bs-chip" key={tag}>
              <bdi>{tag}</bdi>
              <button
                type="button"
                class="bs-chip__remove"
                aria-label={t('notesRemoveTag', { tag })}
                disabled={disabled}
                onClick={() => {
                  refocus.current = true;
                  remove(tag);
                }}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <input
        id={id}
        ref={input}
        class="bs-input"
        type="text"
        autoComplete="off"
        spellcheck={false}
        placeholder={t('notesTagsPlaceholder')}
        maxLength={NOTE_LIMITS.tag * 4}
        disabled={disabled || tags.length >= NOTE_LIMITS.tags}
        value={pending}
        onKeyDown={onKeyDown}
        onInput={onInput}
        onBlur={(e) => {
          if (e.currentTarget.value.trim() !== '') commit(e.currentTarget.value);
        }}
      />
      <span class="bs-visually-hidden" role="status">
        {announce}
      </span>
    </div>
  );
}
