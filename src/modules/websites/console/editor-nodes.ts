/**
 * The editor's own nodes: another app's widget (`<div data-widget="<app>.<id>">`, drawn by the
 * site pages in its place) and a safe embed (an iframe of YouTube or Google Maps, with its title).
 * Both are atoms: selected, moved and deleted whole, never typed into. In the editor they are
 * labelled boxes, not live content.
 */
import { mergeAttributes, Node } from '@tiptap/react';

/** Labels of the widgets the tenant's apps offer, by id (filled from `GET /api/v1/widgets`). */
export const widgetLabels = new Map<string, string>();

declare module '@tiptap/react' {
  interface Commands<ReturnType> {
    balaiWidget: { insertWidget: (id: string) => ReturnType };
    balaiEmbed: { insertEmbed: (src: string, title: string) => ReturnType };
  }
}

function box(className: string, text: string): HTMLElement {
  const dom = document.createElement('div');
  dom.className = className;
  dom.contentEditable = 'false';
  dom.setAttribute('role', 'figure');
  dom.setAttribute('aria-label', text);
  dom.textContent = text;
  return dom;
}

export const Widget = Node.create<{ label: (id: string) => string }>({
  name: 'balaiWidget',
  group: 'block',
  atom: true,
  draggable: true,
  addOptions() {
    return { label: (id) => id };
  },
  addAttributes() {
    return {
      id: {
        default: null,
        parseHTML: (el) => el.getAttribute('data-widget'),
        renderHTML: (attrs) => ({ 'data-widget': attrs.id }),
      },
    };
  },
  parseHTML() {
    return [{ tag: 'div[data-widget]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes(HTMLAttributes)];
  },
  addNodeView() {
    return ({ node }) => {
      const id = String(node.attrs.id ?? '');
      const dom = box('widget-box', this.options.label(widgetLabels.get(id) ?? id));
      dom.dataset.widget = id;
      return { dom };
    };
  },
  addCommands() {
    return {
      insertWidget:
        (id) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs: { id } }),
    };
  },
});

export const Embed = Node.create({
  name: 'balaiEmbed',
  group: 'block',
  atom: true,
  draggable: true,
  addAttributes() {
    return { src: { default: null }, title: { default: null } };
  },
  parseHTML() {
    return [{ tag: 'iframe[src]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['iframe', mergeAttributes(HTMLAttributes, { loading: 'lazy' })];
  },
  addNodeView() {
    return ({ node }) => {
      const dom = box('embed-box', `${node.attrs.title ?? ''} — ${node.attrs.src ?? ''}`);
      return { dom };
    };
  },
  addCommands() {
    return {
      insertEmbed:
        (src, title) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs: { src, title } }),
    };
  },
});
