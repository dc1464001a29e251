// Types of card-markdown.js (plain JS, served to the browser as is) for the tests that use it.
import type MarkdownIt from 'markdown-it';

export declare const CARD_MARKDOWN_PRESET: 'commonmark';
export declare const CARD_MARKDOWN_OPTIONS: Readonly<MarkdownIt.MarkdownItOptions>;
/** Whether `url` is an absolute http(s) URL. */
export declare function isHttpUrl(url: unknown): boolean;
/** markdown-it set up for card markdown: CommonMark, no HTML, no linkify, http(s) links only, no images. */
export declare function createCardMarkdown(markdownit: typeof MarkdownIt): MarkdownIt.MarkdownIt;
