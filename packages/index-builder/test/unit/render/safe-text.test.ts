// External text printed to a log the GitHub runner reads: it can never start a line, nor hold a workflow command.
import { describe, expect, it } from '@jest/globals';
import { safeLine, safeLines, visible } from '../../../src/render/safe-text.ts';
import { code, escapeText } from '../../../src/render/summary.ts';

/** What the runner would take for a workflow command in a line (ActionCommand.TryParseV2, then the legacy TryParse). */
function isCommand(line: string): boolean {
  return /^[\s\u0085]*::[^:\s]+( [^:]*)?::/.test(line) || /##\[[^\]]*\]/.test(line);
}

/** The runner reads lines as .NET's StreamReader.ReadLine does: split at CR, LF or CRLF. */
function runnerLines(output: string): string[] {
  return output.split(/\r\n|\r|\n/);
}

describe('visible', () => {
  it('writes out line breaks and other control characters instead of printing them', () => {
    expect(visible('idx\n::error file=x,line=1::forged')).toBe('idx\\n::error file=x,line=1::forged');
    expect(visible('a\r\nb\tc\u0000d\u001b[2Ke\u007f')).toBe('a\\r\\nb\\tc\\u{0}d\\u{1b}[2Ke\\u{7f}');
    expect(visible('nel\u0085ls\u2028ps\u2029')).toBe('nel\\u{85}ls\\u{2028}ps\\u{2029}');
    expect(visible('abc\u202edcba\u2066x\u2069')).toBe('abc\\u{202e}dcba\\u{2066}x\\u{2069}');
  });

  it("breaks the runner's legacy ##[command] form wherever it is", () => {
    expect(visible('idx ##[error]forged ##[add-matcher]evil.json')).toBe('idx ##\\u{5b}error]forged ##\\u{5b}add-matcher]evil.json');
  });

  it('leaves ordinary text, quotes, emoji and non-Latin names as they are', () => {
    for (const text of ['users_email_idx', 'relation "public.users" does not exist', '✅ Created index idx in 2s', 'индекс_имя', 'C:\\repo\\db']) {
      expect(visible(text)).toBe(text);
    }
  });
});

describe('safeLine', () => {
  const hostile = [
    'x\n::error file=x,line=1::forged',
    'x\r::warning::forged',
    'x\u2028::notice::forged',
    '::error::at the start',
    '   \t::error::after whitespace',
    '\u3000::add-mask::ideographic space',
    'x ##[error]legacy',
    'x\n##[warning]legacy on its own line',
    '::stop-commands::token',
  ];

  it.each(hostile)('leaves no line the runner takes for a command: %j', (text) => {
    const lines = runnerLines(safeLine(`  found ${text}`)).concat(runnerLines(safeLine(text)));
    expect(lines.filter(isCommand)).toEqual([]);
    expect(runnerLines(safeLine(text))).toHaveLength(1);
  });

  it('writes out the colon a line would start with, keeping the indent', () => {
    expect(safeLine('::error::x')).toBe('\\u{3a}:error::x');
    expect(safeLine('    ::error::x')).toBe('    \\u{3a}:error::x');
    expect(safeLine('    Description: a::b')).toBe('    Description: a::b');
  });

  it('splits text of ours into lines, each made safe', () => {
    expect(safeLines('| a |\n| ::error::x |\r\n::warning::y\n')).toEqual(['| a |', '| ::error::x |', '\\u{3a}:warning::y', '']);
  });
});

describe('job summary Markdown', () => {
  it('keeps external text to one line with no HTML, link, image, code span or table break', () => {
    const text = escapeText(
      'a\n::error::b <img src=x onerror=alert(1)> [click](https://evil.example) ![i](https://evil.example/p.png) `x | y` \\| z',
    );
    expect(text).not.toMatch(/[\r\n<>]/);
    expect(text).not.toMatch(/(^|[^\\])[[\]`|]/);
    expect(text).toBe(
      'a\\\\n::error::b &lt;img src=x onerror=alert(1)&gt; \\[click\\](https://evil.example) !\\[i\\](https://evil.example/p.png) \\`x \\| y\\` \\\\\\| z',
    );
  });

  it('makes a code span that no backtick, pipe or backslash in the text can leave or split', () => {
    expect(code('a|b')).toBe('`a\\|b`');
    expect(code('a\\|b')).toBe('`a\\u{5c}\\|b`');
    expect(code('we``ird`')).toBe('``` we``ird` ```');
    expect(code('idx\n::error::x')).toBe('`idx\\n::error::x`');
  });
});
