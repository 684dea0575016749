/**
 * The editor's toolbar: every button named in words, its state told by `aria-pressed`, one tab
 * stop with the arrow keys (and Home/End) moving between the buttons (the ARIA toolbar pattern).
 */
import { type Editor, useEditorState } from '@tiptap/react';
import { type KeyboardEvent, type ReactNode, useRef, useState } from 'react';
import { useConsole } from '../../../platform/sdk/console.ts';

type Tool = {
  key: string;
  label: string;
  run: () => void;
  pressed?: boolean;
  disabled?: boolean;
};

export function Toolbar(props: {
  editor: Editor;
  onImage: () => void;
  onEmbed: () => void;
  onLink: () => void;
  extra?: ReactNode;
}) {
  const { t } = useConsole();
  const { editor } = props;
  // Drawn again on every change of the editor's state, so that pressed and disabled stay true.
  useEditorState({ editor, selector: ({ editor: e }) => e.state });
  const chain = () => editor.chain().focus();
  const tools: Tool[] = [
    {
      key: 'paragraph',
      label: t('websites.editor.paragraph'),
      run: () => chain().setParagraph().run(),
      pressed: editor.isActive('paragraph'),
    },
    {
      key: 'h2',
      label: t('websites.editor.h2'),
      run: () => chain().toggleHeading({ level: 2 }).run(),
      pressed: editor.isActive('heading', { level: 2 }),
    },
    {
      key: 'h3',
      label: t('websites.editor.h3'),
      run: () => chain().toggleHeading({ level: 3 }).run(),
      pressed: editor.isActive('heading', { level: 3 }),
    },
    {
      key: 'bold',
      label: t('websites.editor.bold'),
      run: () => chain().toggleBold().run(),
      pressed: editor.isActive('bold'),
    },
    {
      key: 'italic',
      label: t('websites.editor.italic'),
      run: () => chain().toggleItalic().run(),
      pressed: editor.isActive('italic'),
    },
    {
      key: 'bullets',
      label: t('websites.editor.bullets'),
      run: () => chain().toggleBulletList().run(),
      pressed: editor.isActive('bulletList'),
    },
    {
      key: 'numbers',
      label: t('websites.editor.numbers'),
      run: () => chain().toggleOrderedList().run(),
      pressed: editor.isActive('orderedList'),
    },
    {
      key: 'quote',
      label: t('websites.editor.quote'),
      run: () => chain().toggleBlockquote().run(),
      pressed: editor.isActive('blockquote'),
    },
    { key: 'link', label: t('websites.editor.link'), run: props.onLink, pressed: editor.isActive('link') },
    { key: 'image', label: t('websites.editor.image'), run: props.onImage },
    { key: 'embed', label: t('websites.editor.embed'), run: props.onEmbed },
    {
      key: 'undo',
      label: t('websites.editor.undo'),
      run: () => chain().undo().run(),
      disabled: !editor.can().undo(),
    },
    {
      key: 'redo',
      label: t('websites.editor.redo'),
      run: () => chain().redo().run(),
      disabled: !editor.can().redo(),
    },
  ];
  const [current, setCurrent] = useState(0);
  const bar = useRef<HTMLDivElement>(null);
  const onKeyDown = (e: KeyboardEvent) => {
    const moves: Record<string, number> = {
      ArrowRight: 1,
      ArrowLeft: -1,
      Home: -tools.length,
      End: tools.length,
    };
    const by = moves[e.key];
    if (by === undefined) return;
    e.preventDefault();
    const next = Math.max(0, Math.min(tools.length - 1, current + by));
    setCurrent(next);
    bar.current?.querySelectorAll<HTMLButtonElement>('button[data-tool]')[next]?.focus();
  };
  return (
    <div
      className="editor-toolbar"
      role="toolbar"
      aria-label={t('websites.editor.toolbar')}
      aria-controls="post-body"
      ref={bar}
      onKeyDown={onKeyDown}
    >
      {tools.map((tool, i) => (
        <button
          key={tool.key}
          type="button"
          data-tool={tool.key}
          tabIndex={i === current ? 0 : -1}
          aria-pressed={tool.pressed === undefined ? undefined : tool.pressed}
          // A disabled button would leave the arrow keys' sequence: it says so and does nothing.
          aria-disabled={tool.disabled || undefined}
          onFocus={() => setCurrent(i)}
          onClick={() => {
            if (!tool.disabled) tool.run();
          }}
        >
          {tool.label}
        </button>
      ))}
      {props.extra}
    </div>
  );
}
