import {
  diagnosisMarkdown,
  fencedBlock,
  inlineCode,
  stripAnsi,
  tracebackTail
} from '../markdown';
import { diagnosis, titleOf } from './fixtures';

describe('markdown export', () => {
  const traceback = [
    '\u001b[0;31m---------------------------------------------------------------------------\u001b[0m',
    '\u001b[0;31mModuleNotFoundError\u001b[0m                       Traceback (most recent call last)',
    'Cell \u001b[0;32mIn[1], line 1\u001b[0m\n\u001b[0;32m----> 1\u001b[0m \u001b[38;5;28;01mimport\u001b[39;00m \u001b[38;5;21;01mfoo\u001b[39;00m',
    "\u001b[0;31mModuleNotFoundError\u001b[0m: No module named 'foo'"
  ];

  it('strips ANSI colours', () => {
    expect(stripAnsi(traceback[3])).toBe(
      "ModuleNotFoundError: No module named 'foo'"
    );
  });

  it('keeps the last lines of a long traceback', () => {
    const long = Array.from({ length: 50 }, (_, i) => `line ${i}`);
    const tail = tracebackTail([...long, '', ''], 20);
    expect(tail.lines).toHaveLength(20);
    expect(tail.lines[19]).toBe('line 49');
    expect(tail.omitted).toBe(30);
  });

  it('fences code that contains backticks', () => {
    expect(fencedBlock('a ```` b')).toBe('`````\na ```` b\n`````');
    expect(inlineCode('x `y` z')).toBe('``x `y` z``');
    expect(inlineCode('`edge')).toBe('`` `edge ``');
  });

  it('writes titles, hint, evidence and the traceback in a fenced block', () => {
    const md = diagnosisMarkdown(
      {
        ename: 'ModuleNotFoundError',
        evalue: "No module named 'foo'",
        notebookPath: 'work/a.ipynb',
        cellLabel: 'cell 1 [1]',
        diagnosis: diagnosis(),
        traceback
      },
      titleOf,
      0.7
    );
    expect(md).toContain('### Module not found');
    expect(md).toContain(
      "- **Error:** `ModuleNotFoundError: No module named 'foo'`"
    );
    expect(md).toContain('- **Where:** `work/a.ipynb`, cell 1 [1]');
    expect(md).toContain('- **Root cause:** Environment setting');
    expect(md).toContain('- **Pipeline stage:** Environment setup');
    expect(md).toContain('- **Library:** None (plain Python)');
    expect(md).toContain('**Hint:** Install it: `pip install foo`');
    expect(md).toContain('- rule imports.module_not_found');
    expect(md).toContain(
      '```text\n-------------------------------------------------------------------------' +
        '--\nModuleNotFoundError                       Traceback (most recent call last)\n' +
        'Cell In[1], line 1\n----> 1 import foo\n' +
        "ModuleNotFoundError: No module named 'foo'\n```"
    );
    expect(md).not.toContain('\u001b');
    expect(md).toContain('taxonomy 2025.1');
  });

  it('names the notebook cause and falls back to the error without a traceback', () => {
    const md = diagnosisMarkdown(
      {
        ename: 'NameError',
        evalue: "name 'scale' is not defined\n```\n# not a heading",
        notebookPath: '',
        cellLabel: 'cell 3',
        diagnosis: diagnosis({
          root_cause: 'notebook_specific',
          notebook_cause: 'out_of_order',
          evidence: []
        }),
        traceback: []
      },
      titleOf,
      0.7
    );
    expect(md).toContain(
      '- **Root cause:** Out-of-order execution (Notebook execution)'
    );
    expect(md).not.toContain('**Where:**');
    expect(md).not.toContain('**Why:**');
    // The evalue's own fence cannot close the block.
    expect(md).toContain(
      "````text\nNameError: name 'scale' is not defined\n```\n# not a heading\n````"
    );
  });
});
