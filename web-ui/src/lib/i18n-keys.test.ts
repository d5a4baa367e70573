import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dictionaries } from './i18n';

// Every text the code asks for exists in both languages: a missing key fails here, not on a page.
const root = fileURLToPath(new URL('..', import.meta.url));
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.(test|d)\.tsx?$/.test(entry.name) ? [path] : [];
  });
}
const code = sources(root).map((file) => ({ file, text: readFileSync(file, 'utf8') }));
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('translation keys', () => {
  it('used literally in the code exist in Chinese and English', () => {
    const used = new Set<string>();
    for (const { text } of code)
      for (const m of text.matchAll(/\bt\(\s*'([^']+)'/g)) used.add(m[1]);
    expect(used.size).toBeGreaterThan(300);
    const missing = [...used].filter((key) => !(key in dictionaries['zh-CN']) || !(key in dictionaries.en));
    expect(missing).toEqual([]);
  });

  it('built from a code have texts under that prefix in both languages', () => {
    const prefixes = new Set<string>();
    for (const { text } of code) for (const m of text.matchAll(/\bt\(\s*`([a-zA-Z.]+)\.\$\{/g)) prefixes.add(m[1]);
    expect(prefixes.size).toBeGreaterThan(10);
    for (const prefix of prefixes)
      for (const lang of ['zh-CN', 'en'] as const)
        expect(Object.keys(dictionaries[lang]).some((k) => k.startsWith(`${prefix}.`)), `${lang} ${prefix}.*`).toBe(true);
  });

  it('of every refusal the server words as a code exist in both languages', () => {
    // the api and domain sources beside this module: each field error with a code is said in the UI
    const java = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const path = join(dir, entry.name);
        return entry.isDirectory() ? java(path) : entry.name.endsWith('.java') ? [readFileSync(path, 'utf8')] : [];
      });
    const server = [...java(join(root, '../../domain/src/main/java')), ...java(join(root, '../../api/src/main/java'))];
    const codes = new Set<string>();
    for (const text of server)
      for (const m of text.matchAll(/new InvalidInput\([^;]*?Message\.of\(\s*"([^"]+)"/gs)) codes.add(m[1]);
    // a refusal handed to a guard before it is thrown (Complaint's status steps)
    for (const text of server) for (const m of text.matchAll(/Message\.of\(\s*"(refusal\.[^"]+)"/g)) codes.add(m[1]);
    expect(codes.size).toBeGreaterThan(60);
    const missing = [...codes].filter((c) => !(`problem.${c}` in dictionaries['zh-CN']) || !(`problem.${c}` in dictionaries.en));
    expect(missing).toEqual([]);
  });

  it('have the same placeholders in both languages', () => {
    const wrong = Object.keys(dictionaries.en).filter(
      (key) => placeholders(dictionaries.en[key]).join() !== placeholders(dictionaries['zh-CN'][key] ?? '').join(),
    );
    expect(wrong).toEqual([]);
  });
});
