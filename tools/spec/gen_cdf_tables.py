#!/usr/bin/env python3
"""Generate src/entropy/default_cdfs.inc from the AV1 specification markdown.

Reads every Default_*_Cdf table of spec section 9.4 "Default CDF tables"
(file 10.additional.tables.md) and writes them as C++ constexpr uint16_t
arrays with the spec's exact dimensions.  The layout is the spec's: each CDF
of an N-symbol alphabet has N + 1 entries, cdf[N - 1] == 32768 and cdf[N] is
the adaptation counter (8.2.6), initialised to 0.

Symbolic dimensions (e.g. INTRA_MODES + 1) are resolved with the constants of
section 3 (file 03.symbols.md).  Element values that are expressions in the
spec (e.g. "128 * 128") are evaluated.  The nesting of every initialiser is
checked against the declared dimensions; any mismatch is an error.

Usage: gen_cdf_tables.py [SPEC_DIR] [-o OUTPUT]
  SPEC_DIR defaults to ../shared/reference/av1-spec relative to the repo root;
  OUTPUT defaults to src/entropy/default_cdfs.inc in the repo; "-" = stdout.
"""

import argparse
import ast
import operator
import os
import re
import sys

REPO_ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
DEFAULT_SPEC_DIR = os.path.normpath(os.path.join(REPO_ROOT, '..', 'shared', 'reference', 'av1-spec'))
DEFAULT_OUTPUT = os.path.join(REPO_ROOT, 'src', 'entropy', 'default_cdfs.inc')

# Constants used in table dimensions that section 3 does not list.
EXTRA_CONSTANTS = {
    # 6.10.15 (loop restoration semantics, lr_type table): RESTORE_SWITCHABLE = 3.
    'RESTORE_SWITCHABLE': 3,
}

_BINOPS = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.LShift: operator.lshift,
    ast.RShift: operator.rshift,
}


def eval_int_expr(text, constants):
    """Evaluates a small integer C expression (+ - * << >> parentheses)."""
    text = text.replace('\\<', '<').replace('\\>', '>').strip()

    def ev(node):
        if isinstance(node, ast.Expression):
            return ev(node.body)
        if isinstance(node, ast.Constant) and isinstance(node.value, int):
            return node.value
        if isinstance(node, ast.Name):
            if node.id not in constants:
                raise ValueError('unknown constant %r in %r' % (node.id, text))
            return constants[node.id]
        if isinstance(node, ast.BinOp) and type(node.op) in _BINOPS:
            return _BINOPS[type(node.op)](ev(node.left), ev(node.right))
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            return -ev(node.operand)
        raise ValueError('unsupported expression %r' % text)

    return ev(ast.parse(text, mode='eval'))


def read_constants(spec_dir):
    """Reads the symbol table of section 3 (03.symbols.md)."""
    constants = {}
    pending = []
    with open(os.path.join(spec_dir, '03.symbols.md'), encoding='utf-8') as f:
        for line in f:
            m = re.match(r'^\|\s*`([A-Z0-9_]+)`\s*\|\s*([^|]+?)\s*\|', line)
            if m:
                pending.append((m.group(1), m.group(2)))
    # Some values refer to other constants: resolve in passes.
    for _ in range(4):
        rest = []
        for name, value in pending:
            try:
                constants[name] = eval_int_expr(value, constants)
            except (ValueError, SyntaxError):
                rest.append((name, value))
        pending = rest
    for name, value in EXTRA_CONSTANTS.items():
        if name in constants and constants[name] != value:
            raise ValueError('%s differs from section 3' % name)
        constants.setdefault(name, value)
    return constants


def default_cdf_section(spec_dir):
    """Returns (lines, first line number) of section 9.4 Default CDF tables."""
    path = os.path.join(spec_dir, '10.additional.tables.md')
    with open(path, encoding='utf-8') as f:
        lines = f.read().split('\n')
    start = None
    for i, line in enumerate(lines):
        if line.strip() == '### Default CDF tables':
            start = i
        elif start is not None and line.startswith('### '):
            return lines[start:i], start + 1
    if start is None:
        raise ValueError('section "Default CDF tables" not found in ' + path)
    return lines[start:], start + 1


def code_blocks(lines, first_line):
    """Yields (text, line number of first code line) for each ~~~ c block."""
    i = 0
    while i < len(lines):
        if re.match(r'^~~~+\s*c\s*$', lines[i]):
            j = i + 1
            while j < len(lines) and not re.match(r'^~~~+\s*$', lines[j]):
                j += 1
            yield lines[i + 1:j], first_line + i + 1
            i = j + 1
        else:
            i += 1


TOKEN_RE = re.compile(r'\s*(?:(?P<num>\d+)|(?P<id>[A-Za-z_][A-Za-z0-9_]*)|(?P<op><<|>>|[-+*()\[\]{}=,;]))')


def tokenize(block_lines, first_line):
    tokens = []
    for k, line in enumerate(block_lines):
        pos = 0
        line = line.rstrip()
        while pos < len(line):
            m = TOKEN_RE.match(line, pos)
            if not m:
                if line[pos:].strip() == '':
                    break
                raise ValueError('line %d: cannot tokenize %r' % (first_line + k, line[pos:]))
            tok = m.group('num') or m.group('id') or m.group('op')
            tokens.append((tok, first_line + k))
            pos = m.end()
    return tokens


class Table:
    def __init__(self, name, dim_texts, dims, values, line):
        self.name = name
        self.dim_texts = dim_texts
        self.dims = dims
        self.values = values  # flat list of ints
        self.line = line


def parse_tables(tokens, constants):
    """Parses "Name[ d ]...[ d ] = { ... }" definitions from a token list."""
    tables = []
    i = 0

    def expect(tok):
        nonlocal i
        if tokens[i][0] != tok:
            raise ValueError('line %d: expected %r, got %r' % (tokens[i][1], tok, tokens[i][0]))
        i += 1

    while i < len(tokens):
        name, line = tokens[i]
        if not re.match(r'^Default_\w+_Cdf$', name):
            raise ValueError('line %d: expected a Default_*_Cdf name, got %r' % (line, name))
        i += 1
        dim_texts = []
        while tokens[i][0] == '[':
            i += 1
            depth = 0
            parts = []
            while depth > 0 or tokens[i][0] != ']':
                if tokens[i][0] == '[':
                    depth += 1
                elif tokens[i][0] == ']':
                    depth -= 1
                parts.append(tokens[i][0])
                i += 1
            i += 1
            dim_texts.append(' '.join(parts))
        dims = [eval_int_expr(t, constants) for t in dim_texts]
        expect('=')

        # Parse the nested initialiser, checking it against dims.
        values = []

        def parse_level(level):
            nonlocal i
            expect('{')
            count = 0
            while tokens[i][0] != '}':
                if level + 1 < len(dims):
                    parse_level(level + 1)
                else:
                    expr = []
                    while tokens[i][0] not in (',', '}'):
                        expr.append(tokens[i][0])
                        i += 1
                    values.append(eval_int_expr(' '.join(expr), constants))
                count += 1
                if tokens[i][0] == ',':
                    i += 1
            if count != dims[level]:
                raise ValueError('%s (line %d): level %d has %d entries, declared %d'
                                 % (name, line, level, count, dims[level]))
            expect('}')

        parse_level(0)
        if i < len(tokens) and tokens[i][0] == ';':
            i += 1
        tables.append(Table(name, dim_texts, dims, values, line))
    return tables


def check_table(t):
    """Every CDF must rise, end in 32768 and have a zero counter slot."""
    n1 = t.dims[-1]
    for k in range(0, len(t.values), n1):
        cdf = t.values[k:k + n1]
        if cdf[-1] != 0 or cdf[-2] != 32768:
            raise ValueError('%s: CDF %d does not end in 32768, 0: %r' % (t.name, k // n1, cdf))
        if any(a > b for a, b in zip(cdf[:-2], cdf[1:-1])) or cdf[0] < 1:
            raise ValueError('%s: CDF %d is not increasing: %r' % (t.name, k // n1, cdf))


def format_table(t, spec_file):
    dims_c = ''.join('[%d]' % d for d in t.dims)
    dims_spec = ''.join('[ %s ]' % s for s in t.dim_texts)
    out = ['// Spec 9.4 (%s:%d): %s%s' % (spec_file, t.line, t.name, dims_spec),
           'inline constexpr uint16_t %s%s = {' % (t.name, dims_c)]

    def emit(level, offset, indent):
        size = 1
        for d in t.dims[level + 1:]:
            size *= d
        if level == len(t.dims) - 1:
            row = ', '.join(str(v) for v in t.values[offset:offset + t.dims[level]])
            return [indent + '{' + row + '}']
        lines = [indent + '{']
        for j in range(t.dims[level]):
            sub = emit(level + 1, offset + j * size, indent + '  ')
            if j + 1 < t.dims[level]:
                sub[-1] += ','
            lines.extend(sub)
        lines.append(indent + '}')
        return lines

    body = emit(0, 0, '')
    if len(t.dims) == 1:
        out[-1] = out[-1][:-1] + body[0] + ';'
        return out
    out.extend(body[1:-1])
    out.append('};')
    return out


def generate(spec_dir):
    constants = read_constants(spec_dir)
    lines, first = default_cdf_section(spec_dir)
    tables = []
    for block, line in code_blocks(lines, first):
        tables.extend(parse_tables(tokenize(block, line), constants))
    names = set()
    for t in tables:
        if t.name in names:
            raise ValueError('duplicate table ' + t.name)
        names.add(t.name)
        check_table(t)
    out = [
        '// GENERATED by tools/spec/gen_cdf_tables.py from the AV1 specification,',
        '// section 9.4 "Default CDF tables" (10.additional.tables.md).  Do not edit.',
        '// Layout as in the spec: a CDF of N symbols has N + 1 entries, cdf[N - 1] is',
        '// 32768 and cdf[N] is the adaptation counter of 8.2.6 (0 here).',
        '// Included by src/entropy/default_cdfs.h inside namespace hav1.',
        '// %d tables.' % len(tables),
        '',
    ]
    for t in tables:
        out.extend(format_table(t, '10.additional.tables.md'))
        out.append('')
    return '\n'.join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('spec_dir', nargs='?', default=DEFAULT_SPEC_DIR)
    ap.add_argument('-o', '--output', default=DEFAULT_OUTPUT)
    args = ap.parse_args()
    text = generate(args.spec_dir)
    if args.output == '-':
        sys.stdout.write(text)
    else:
        with open(args.output, 'w', encoding='utf-8') as f:
            f.write(text)
    return 0


if __name__ == '__main__':
    sys.exit(main())
