#!/usr/bin/env node
// Extracts the request-params schema of every endpoint the emulator serves from the official
// stripe-node SDK type definitions (pinned in package.json / package-lock.json) and writes one
// JSON file per SDK into emulator/facts/.  The .d.ts files are parsed with the TypeScript compiler
// API (syntax only; names are resolved by this script, no type checker involved).
//
//   node gen.mjs           regenerate emulator/facts/*.json
//   node gen.mjs --check   regenerate in memory; exit 1 with a diff summary if a checked-in file differs
//
// Schema node format (the same as the `schema` of Stripe's reference tables that check-reference.mjs reads):
//   {kind: 'object', props: {name: node}} | {kind: 'array', items: node}
//   {kind: 'enum', values: [...], open: bool} | {kind: 'union', variants: [node]}
//   {kind: 'map'} (plus `values_node` when the values are not scalars) | string | number | boolean | decimal
// followed, for a property, by `nullable` / `emptyable` (when the TS type admits null / '') and `optional`.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ts = require('typescript');

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT_DIR = path.resolve(HERE, '..');

// package alias (see package.json) → whether it is a preview (beta) SDK.
export const SDKS = [
  { pkg: 'stripe-18.0.0', preview: false },
  { pkg: 'stripe-19.0.0', preview: false },
  { pkg: 'stripe-20.1.0', preview: false },
  { pkg: 'stripe-21.0.0', preview: false },
  { pkg: 'stripe-22.7.0-beta.1', preview: true },
  { pkg: 'stripe-23.0.0', preview: false },
  { pkg: 'stripe-23.1.0', preview: false },
];

// target name → [resource, params interface name].  Checkout interfaces live in namespace Checkout.
export const TARGETS = {
  create: ['checkout', 'Checkout.SessionCreateParams'],
  update: ['checkout', 'Checkout.SessionUpdateParams'],
  retrieve: ['checkout', 'Checkout.SessionRetrieveParams'],
  list: ['checkout', 'Checkout.SessionListParams'],
  list_line_items: ['checkout', 'Checkout.SessionListLineItemsParams'],
  expire: ['checkout', 'Checkout.SessionExpireParams'],
  coupon_create: ['coupons', 'CouponCreateParams'],
  coupon_update: ['coupons', 'CouponUpdateParams'],
  coupon_retrieve: ['coupons', 'CouponRetrieveParams'],
  coupon_list: ['coupons', 'CouponListParams'],
  coupon_delete: ['coupons', 'CouponDeleteParams'],
  promotion_code_create: ['promotion_codes', 'PromotionCodeCreateParams'],
  promotion_code_update: ['promotion_codes', 'PromotionCodeUpdateParams'],
  promotion_code_retrieve: ['promotion_codes', 'PromotionCodeRetrieveParams'],
  promotion_code_list: ['promotion_codes', 'PromotionCodeListParams'],
};

// Two layouts: up to 21.x the types are ambient (`declare module 'stripe' { namespace Stripe {…} }`)
// under types/; from 22.x they are ES modules next to the implementation under cjs/.
const LAYOUTS = {
  legacy: {
    marker: 'types/Checkout/SessionsResource.d.ts',
    files: {
      checkout: 'types/Checkout/SessionsResource.d.ts',
      coupons: 'types/CouponsResource.d.ts',
      promotion_codes: 'types/PromotionCodesResource.d.ts',
    },
    // shared helpers (Emptyable, MetadataParam, PaginationParams, ...) are merged into namespace Stripe
    extra: ['types/shared.d.ts', 'types/lib.d.ts'],
    root: 'Stripe.',
  },
  inline: {
    marker: 'cjs/resources/Checkout/Sessions.d.ts',
    files: {
      checkout: 'cjs/resources/Checkout/Sessions.d.ts',
      coupons: 'cjs/resources/Coupons.d.ts',
      promotion_codes: 'cjs/resources/PromotionCodes.d.ts',
    },
    extra: [],
    root: '',
  },
};

// ---------------------------------------------------------------------------------------------
// Declarations and name resolution
// ---------------------------------------------------------------------------------------------

// A scope holds named entries; an entry may carry several meanings (declaration merging):
//   interfaces: [{node, scope}], alias: {node, scope}, ns: Scope, imp: {file, name}, cls: true
class Scope {
  constructor(parent, program) {
    this.parent = parent;
    this.program = program;
    this.entries = new Map();
  }
  entry(name) {
    if (!this.entries.has(name)) this.entries.set(name, { interfaces: [] });
    return this.entries.get(name);
  }
}

class Program {
  constructor(root) {
    this.root = root;
    this.global = new Scope(null, this); // ambient `declare module 'stripe'` contents merge here
    this.files = new Map(); // absolute path → file Scope
  }

  load(rel) {
    const abs = path.resolve(this.root, rel);
    if (this.files.has(abs)) return this.files.get(abs);
    const sf = ts.createSourceFile(abs, fs.readFileSync(abs, 'utf8'), ts.ScriptTarget.Latest, false);
    const scope = new Scope(this.global, this);
    this.files.set(abs, scope);
    this.collect(sf.statements, scope, abs, sf);
    return scope;
  }

  collect(statements, scope, file, sf) {
    for (const st of statements) {
      if (ts.isImportDeclaration(st)) {
        const spec = st.moduleSpecifier.text;
        const bindings = st.importClause?.namedBindings;
        if (!spec.startsWith('.') || !bindings || !ts.isNamedImports(bindings)) continue;
        for (const el of bindings.elements) {
          scope.entry(el.name.text).imp = { file: resolveModule(file, spec), name: (el.propertyName ?? el.name).text };
        }
      } else if (ts.isExportDeclaration(st)) {
        if (!st.moduleSpecifier || !st.exportClause || !ts.isNamedExports(st.exportClause)) continue;
        const target = resolveModule(file, st.moduleSpecifier.text);
        for (const el of st.exportClause.elements) {
          scope.entry(el.name.text).imp = { file: target, name: (el.propertyName ?? el.name).text };
        }
      } else if (ts.isModuleDeclaration(st)) {
        if (ts.isStringLiteral(st.name)) {
          // `declare module 'stripe' {…}`: every file augments the same module.
          if (st.body) this.collect(st.body.statements, this.global, file, sf);
        } else {
          const e = scope.entry(st.name.text);
          e.ns ??= new Scope(scope, this);
          let body = st.body;
          while (body && ts.isModuleDeclaration(body)) {
            // `namespace A.B {}` (not used by the SDK, but cheap to support)
            const inner = e.ns.entry(body.name.text);
            inner.ns ??= new Scope(e.ns, this);
            body = body.body;
          }
          if (body) this.collect(body.statements, e.ns, file, sf);
        }
      } else if (ts.isInterfaceDeclaration(st)) {
        scope.entry(st.name.text).interfaces.push({ node: st, scope, sf });
      } else if (ts.isTypeAliasDeclaration(st)) {
        scope.entry(st.name.text).alias = { node: st, scope, sf };
      } else if (ts.isClassDeclaration(st) && st.name) {
        scope.entry(st.name.text).cls = true;
      }
    }
  }

  // Follow an import/re-export to the entry it names.
  follow(e, seen = 0) {
    if (!e?.imp) return e;
    if (seen > 20) throw new Error(`import cycle at ${e.imp.name}`);
    const target = this.load(path.relative(this.root, e.imp.file)).entries.get(e.imp.name);
    if (!target) throw new Error(`${e.imp.file} does not declare ${e.imp.name}`);
    return this.follow(target, seen + 1);
  }
}

function resolveModule(fromFile, spec) {
  return path.resolve(path.dirname(fromFile), spec.replace(/\.js$/, '.d.ts'));
}

const hasMeaning = (e, meaning) =>
  meaning === 'ns' ? !!e.ns : e.interfaces.length > 0 || !!e.alias || !!e.cls;

// Resolve an EntityName (Identifier or QualifiedName) to an entry with the wanted meaning.
function lookup(name, scope, meaning) {
  if (ts.isQualifiedName(name)) {
    const left = lookup(name.left, scope, 'ns');
    const e = left.ns.program.follow(left.ns.entries.get(name.right.text));
    if (!e || !hasMeaning(e, meaning)) throw new Error(`cannot resolve ${entityText(name)}`);
    return e;
  }
  for (let s = scope; s; s = s.parent) {
    const e = s.program.follow(s.entries.get(name.text));
    if (e && hasMeaning(e, meaning)) return e;
  }
  throw new Error(`cannot resolve ${name.text}`);
}

const entityText = (n) => (ts.isQualifiedName(n) ? `${entityText(n.left)}.${n.right.text}` : n.text);

// ---------------------------------------------------------------------------------------------
// Type → schema
// ---------------------------------------------------------------------------------------------

// A type is first flattened into union "atoms", with aliases expanded:
//   {t:'null'} {t:'lit', v} {t:'string'} {t:'openstring'} {t:'number'} {t:'boolean'} {t:'any'} (unknown)
//   {t:'node', node} {t:'array', atoms} {t:'lazy', make} (object types, expanded when folded)
// then the atoms are folded into one schema node.
//
// Enum value order.  The values are listed the way the TypeScript checker lists a union's members:
// the checker interns each literal type once and keeps union members sorted by the order in which
// their literal types were first created.  We reproduce that by numbering string literals in the
// order this depth-first walk first meets them (targets in TARGETS order, properties in source
// order, a union's own literals before the members of any object type inside it).  The
// order carries no meaning; it only keeps the output identical to an extraction done with the
// checker (see check-reference.mjs).
let literalOrder = null; // {ids: Map<value, n>}, reset per SDK

function noteLiteral(v) {
  if (!literalOrder.ids.has(v)) literalOrder.ids.set(v, literalOrder.ids.size);
  return v;
}

function flatten(type, ctx, out = []) {
  switch (type.kind) {
    case ts.SyntaxKind.UnionType:
      for (const t of type.types) flatten(t, ctx, out);
      return out;
    case ts.SyntaxKind.ParenthesizedType:
      return flatten(type.type, ctx, out);
    case ts.SyntaxKind.StringKeyword:
      out.push({ t: 'string' });
      return out;
    case ts.SyntaxKind.NumberKeyword:
      out.push({ t: 'number' });
      return out;
    case ts.SyntaxKind.BooleanKeyword:
      out.push({ t: 'boolean' });
      return out;
    case ts.SyntaxKind.NullKeyword:
      out.push({ t: 'null' });
      return out;
    case ts.SyntaxKind.UnknownKeyword:
    case ts.SyntaxKind.AnyKeyword:
      out.push({ t: 'any' });
      return out;
    case ts.SyntaxKind.LiteralType: {
      const lit = type.literal;
      if (lit.kind === ts.SyntaxKind.NullKeyword) out.push({ t: 'null' });
      else if (ts.isStringLiteral(lit)) out.push({ t: 'lit', v: noteLiteral(lit.text) });
      else if (ts.isNumericLiteral(lit)) out.push({ t: 'lit', v: noteLiteral(Number(lit.text)) });
      else if (lit.kind === ts.SyntaxKind.TrueKeyword || lit.kind === ts.SyntaxKind.FalseKeyword) out.push({ t: 'boolean' });
      else throw unsupported(type, ctx);
      return out;
    }
    case ts.SyntaxKind.IntersectionType:
      // `string & {}` (older SDKs) / `string & Record<never, never>` (OtherString): any string,
      // written so that editors still suggest the literal members of the union.
      if (type.types.some((t) => t.kind === ts.SyntaxKind.StringKeyword)) {
        out.push({ t: 'openstring' });
        return out;
      }
      throw unsupported(type, ctx);
    case ts.SyntaxKind.ArrayType:
      out.push({ t: 'array', atoms: flatten(type.elementType, ctx), type, ctx });
      return out;
    case ts.SyntaxKind.TypeLiteral:
      out.push({ t: 'lazy', make: () => membersToNode(type.members, ctx) });
      return out;
    case ts.SyntaxKind.TypeReference:
      return flattenRef(type, ctx, out);
    default:
      throw unsupported(type, ctx);
  }
}

function flattenRef(type, ctx, out) {
  const { scope, env } = ctx;
  const name = type.typeName;
  const args = type.typeArguments ?? [];
  // A type parameter of the alias being expanded (e.g. the T of Emptyable<T>).
  if (ts.isIdentifier(name) && env.has(name.text)) {
    const bound = env.get(name.text);
    return flatten(bound.type, bound.ctx, out);
  }
  const last = ts.isQualifiedName(name) ? name.right.text : name.text;
  if (last === 'Array' && args.length === 1) {
    out.push({ t: 'array', atoms: flatten(args[0], ctx), type, ctx });
    return out;
  }
  if (last === 'Decimal') {
    // Stripe.Decimal (21.x+; an interface in types/lib.d.ts, a class re-exported from
    // cjs/Decimal.d.ts later): an arbitrary-precision decimal, sent as a decimal string.
    out.push({ t: 'node', node: { kind: 'decimal' } });
    return out;
  }
  const e = lookup(name, scope, 'type');
  if (e.alias) {
    const decl = e.alias.node;
    const params = decl.typeParameters ?? [];
    const inner = new Map();
    params.forEach((p, i) => inner.set(p.name.text, { type: args[i], ctx }));
    return flatten(decl.type, { scope: e.alias.scope, env: inner, sf: e.alias.sf }, out);
  }
  if (e.interfaces.length) {
    out.push({ t: 'lazy', make: () => interfaceToNode(e) });
    return out;
  }
  throw unsupported(type, ctx);
}

function unsupported(type, ctx) {
  return new Error(`unsupported type syntax ${ts.SyntaxKind[type.kind]}: ${type.getText?.(ctx.sf) ?? ''}`);
}

// Interface (all merged declarations, then `extends` bases) → object or map node.
function interfaceToNode(e) {
  const members = [];
  const bases = [];
  for (const decl of e.interfaces) {
    const ctx = { scope: decl.scope, env: new Map(), sf: decl.sf };
    for (const m of decl.node.members) members.push({ m, ctx });
    for (const h of decl.node.heritageClauses ?? []) {
      for (const t of h.types) {
        if (!ts.isEntityName(t.expression)) throw new Error('unsupported heritage clause');
        bases.push(lookup(t.expression, decl.scope, 'type'));
      }
    }
  }
  const node = membersToNodeCtx(members);
  if (bases.length && node.kind !== 'object') throw new Error('extends on a map type');
  // Inherited properties come after the interface's own, unless redeclared.
  for (const b of bases) {
    const base = interfaceToNode(b);
    for (const [k, v] of Object.entries(base.props)) if (!(k in node.props)) node.props[k] = v;
  }
  return node;
}

function membersToNode(members, ctx) {
  return membersToNodeCtx(members.map((m) => ({ m, ctx })));
}

function membersToNodeCtx(members) {
  const props = {};
  let index = null;
  for (const { m, ctx } of members) {
    if (ts.isPropertySignature(m)) {
      const name = ts.isIdentifier(m.name) || ts.isStringLiteral(m.name) ? m.name.text : null;
      if (name === null) throw new Error('computed property name');
      const node = fold(flatten(m.type, ctx), m.type, ctx);
      node.optional = !!m.questionToken;
      props[name] = node;
    } else if (ts.isIndexSignatureDeclaration(m)) {
      index = { type: m.type, ctx };
    } else {
      throw new Error(`unsupported member ${ts.SyntaxKind[m.kind]}`);
    }
  }
  if (index) {
    if (Object.keys(props).length) throw new Error('object with both properties and an index signature');
    // `{[key: string]: X}` — metadata and per-currency options.  The reference format has no
    // value schema for maps; we add `values_node` when the values are not scalars (e.g.
    // currency_options), but not for metadata (`string | number | null`, all strings on the
    // wire) nor for `unknown` values (the beta's coupon `script.configuration`).
    const node = { kind: 'map' };
    const atoms = flatten(index.type, index.ctx);
    if (atoms.every((a) => a.t === 'any')) return node;
    const values = fold(atoms, index.type, index.ctx);
    if (!isScalar(values)) node.values_node = values;
    return node;
  }
  return { kind: 'object', props };
}

const SCALARS = ['string', 'number', 'boolean', 'enum', 'decimal'];
const isScalar = (n) => SCALARS.includes(n.kind) || (n.kind === 'union' && n.variants.every(isScalar));

// Fold union atoms into one node; `null` → nullable, `''` → emptyable (unless any string is allowed).
function fold(atoms, type, ctx) {
  let nullable = false;
  let empty = false;
  const lits = [];
  const rest = [];
  for (const a of atoms) {
    if (a.t === 'null') nullable = true;
    else if (a.t === 'lit' && a.v === '') empty = true;
    else if (a.t === 'lit') {
      if (!lits.includes(a.v)) lits.push(a.v);
    } else rest.push(a);
  }
  const anyString = rest.some((a) => a.t === 'string' || a.t === 'openstring');
  let node;
  if (lits.length) {
    const others = rest.filter((a) => a.t !== 'string' && a.t !== 'openstring');
    if (others.length) throw new Error(`enum mixed with other types: ${type.getText(ctx.sf)}`);
    const id = (v) => literalOrder.ids.get(v) ?? Infinity;
    node = { kind: 'enum', values: [...lits].sort((a, b) => id(a) - id(b)), open: anyString };
  } else {
    const variants = [];
    for (const a of rest) {
      if (a.t === 'any') throw new Error(`unknown/any is only supported as map values: ${type.getText(ctx.sf)}`);
      const n =
        a.t === 'node' ? a.node
        : a.t === 'lazy' ? a.make()
        : a.t === 'array' ? { kind: 'array', items: fold(a.atoms, a.type, a.ctx) }
        : { kind: a.t === 'openstring' ? 'string' : a.t };
      if (!variants.some((v) => JSON.stringify(v) === JSON.stringify(n))) variants.push(n);
    }
    if (variants.length === 0) throw new Error(`empty type: ${type.getText(ctx.sf)}`);
    node = variants.length === 1 ? variants[0] : { kind: 'union', variants };
  }
  if (nullable) node.nullable = true;
  // '' is only worth recording when a plain string would not already admit it.
  if (empty && !(lits.length === 0 && anyString)) node.emptyable = true;
  return node;
}

// ---------------------------------------------------------------------------------------------
// Per-SDK extraction and output
// ---------------------------------------------------------------------------------------------

// The API version the SDK pins (sent as Stripe-Version unless overridden).
function readApiVersion(pkgDir) {
  const { ApiVersion } = require(path.join(pkgDir, 'cjs/apiVersion.js'));
  if (typeof ApiVersion !== 'string') throw new Error(`no ApiVersion in ${pkgDir}/cjs/apiVersion.js`);
  return ApiVersion;
}

export function extract(sdk) {
  const pkgDir = path.join(HERE, 'node_modules', sdk.pkg);
  const version = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).version;
  const layout = fs.existsSync(path.join(pkgDir, LAYOUTS.legacy.marker)) ? LAYOUTS.legacy : LAYOUTS.inline;
  if (!fs.existsSync(path.join(pkgDir, layout.marker))) throw new Error(`${sdk.pkg}: unknown type layout`);
  const program = new Program(pkgDir);
  literalOrder = { ids: new Map() };
  for (const f of layout.extra) program.load(f);
  const targets = {};
  for (const [target, [resource, iface]] of Object.entries(TARGETS)) {
    const file = layout.files[resource];
    const scope = program.load(file);
    const dotted = (layout.root + iface).split('.');
    let entity = ts.factory.createIdentifier(dotted[0]);
    for (const part of dotted.slice(1)) entity = ts.factory.createQualifiedName(entity, part);
    let entry = null;
    try {
      entry = lookup(entity, scope, 'type');
    } catch {
      // No params interface for this operation: it takes no parameters.
      console.warn(`${sdk.pkg}: ${iface} not found, emitting an empty object`);
    }
    try {
      targets[target] = entry ? interfaceToNode(entry) : { kind: 'object', props: {} };
    } catch (err) {
      throw new Error(`${sdk.pkg} ${target} (${iface}): ${err.message}`);
    }
  }
  return { sdk: version, api_version: readApiVersion(pkgDir), preview: sdk.preview, targets };
}

function render(facts) {
  const head = JSON.stringify({ sdk: facts.sdk, api_version: facts.api_version, preview: facts.preview });
  const lines = Object.entries(facts.targets).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`);
  return `${head.slice(0, -1)},"targets":{\n${lines.join(',\n')}\n}}\n`;
}

// index.json: a JSON array, oldest API version first (versions start with their date).
function renderIndex(all) {
  const files = all
    .map((f) => ({ file: `${f.api_version}.json`, sdk: f.sdk, api_version: f.api_version, preview: f.preview }))
    .sort((a, b) => (a.api_version < b.api_version ? -1 : a.api_version > b.api_version ? 1 : 0));
  return `[\n${files.map((f) => JSON.stringify(f)).join(',\n')}\n]\n`;
}

// Paths (dotted) where two JSON values differ, for the --check summary.
function diffPaths(a, b, p = '', out = []) {
  if (out.length >= 20) return out;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) {
    if (JSON.stringify(a) !== JSON.stringify(b)) out.push(`${p || '(root)'}: ${short(a)} → ${short(b)}`);
    return out;
  }
  if (Array.isArray(a)) {
    if (JSON.stringify(a) !== JSON.stringify(b)) out.push(`${p}: ${short(a)} → ${short(b)}`);
    return out;
  }
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (!(k in a)) out.push(`${p}.${k}: added`);
    else if (!(k in b)) out.push(`${p}.${k}: removed`);
    else diffPaths(a[k], b[k], `${p}.${k}`, out);
  }
  if (out.length === 0 && JSON.stringify(a) !== JSON.stringify(b)) out.push(`${p || '(root)'}: key order differs`);
  return out;
}

const short = (v) => {
  const s = JSON.stringify(v);
  return s === undefined ? 'undefined' : s.length > 80 ? `${s.slice(0, 77)}...` : s;
};

function main() {
  const check = process.argv.includes('--check');
  const all = SDKS.map(extract);
  const outputs = new Map();
  for (const f of all) outputs.set(`${f.api_version}.json`, render(f));
  outputs.set('index.json', renderIndex(all));

  if (!check) {
    for (const [name, text] of outputs) fs.writeFileSync(path.join(OUT_DIR, name), text);
    console.log(`wrote ${[...outputs.keys()].join(', ')} to ${path.relative(process.cwd(), OUT_DIR) || '.'}`);
    return;
  }
  let bad = 0;
  for (const [name, text] of outputs) {
    const file = path.join(OUT_DIR, name);
    if (!fs.existsSync(file)) {
      console.error(`MISSING ${name}`);
      bad++;
      continue;
    }
    const old = fs.readFileSync(file, 'utf8');
    if (old === text) continue;
    bad++;
    console.error(`DIFFERS ${name} (checked-in → regenerated):`);
    let parsed;
    try {
      parsed = JSON.parse(old);
    } catch {
      console.error('  checked-in file is not valid JSON');
      continue;
    }
    const paths = diffPaths(parsed, JSON.parse(text));
    for (const p of paths.length ? paths : ['(formatting only)']) console.error(`  ${p}`);
  }
  const known = new Set(outputs.keys());
  for (const name of fs.readdirSync(OUT_DIR)) {
    if (name.endsWith('.json') && !known.has(name)) {
      console.error(`STALE ${name} (not produced by the generator)`);
      bad++;
    }
  }
  if (bad) {
    console.error(`\n${bad} file(s) out of date; run: cd emulator/facts/gen && npm ci && node gen.mjs`);
    process.exit(1);
  }
  console.log(`emulator/facts is up to date (${outputs.size} files)`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
