/**
 * The 操作日志 label catalog covers every action the app writes: the test reads every `writeAudit`,
 * `mutation` and `audit` call (lib/services/mutation.ts) in lib/ and app/ with the TypeScript parser and works out the action names each one can
 * write (literals, both sides of a condition, constants, a parameter through its callers, the
 * escalation steps of `escalation.${step}`). A new action without a label, or a call whose action
 * cannot be read, fails here.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { escalationStep } from "@/db/schema";
import { AUDIT_ACTION_GROUPS, auditActionGroup, auditActionLabel, auditEntityLabel, isKnownAuditAction, knownAuditActions } from "@/lib/audit-log/labels";

const ROOT = path.resolve(__dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Template actions and what they expand to: a new template must be added here (and labelled). */
const TEMPLATES: Record<string, readonly string[]> = {
  "`escalation.${input.step}`": escalationStep.enumValues.map((step) => `escalation.${step}`),
  // lib/services/active-flag.ts: a leader or a unit taken out of use or back.
  '`${entity}.${active ? "reactivate" : "deactivate"}`': ["leader.reactivate", "leader.deactivate", "unit.reactivate", "unit.deactivate"],
};

interface Found {
  names: Set<string>;
  problems: string[];
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
}

function walk(node: ts.Node, visit: (n: ts.Node) => void) {
  visit(node);
  node.forEachChild((child) => walk(child, visit));
}

/** `const NAME = "…"` anywhere in the sources. */
function stringConstants(files: ts.SourceFile[]): Map<string, string> {
  const constants = new Map<string, string>();
  for (const source of files) {
    walk(source, (n) => {
      if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer && ts.isStringLiteralLike(n.initializer))
        constants.set(n.name.text, n.initializer.text);
    });
  }
  return constants;
}

function auditActionsWritten(): Found {
  const files = [...sourceFiles(path.join(ROOT, "lib")), ...sourceFiles(path.join(ROOT, "app"))].map(parse);
  const constants = stringConstants(files);
  const found: Found = { names: new Set(), problems: [] };
  const where = (n: ts.Node) => {
    const source = n.getSourceFile();
    return `${path.relative(ROOT, source.fileName)}:${source.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  };

  /** The action names an expression can take. */
  const evaluate = (expr: ts.Expression, depth = 0): void => {
    if (depth > 5) return void found.problems.push(`${where(expr)}: too indirect`);
    if (ts.isParenthesizedExpression(expr) || ts.isAsExpression(expr)) return void evaluate(expr.expression, depth);
    if (ts.isStringLiteralLike(expr)) return void found.names.add(expr.text);
    if (ts.isConditionalExpression(expr)) {
      evaluate(expr.whenTrue, depth);
      evaluate(expr.whenFalse, depth);
      return;
    }
    if (ts.isTemplateExpression(expr)) {
      const expansion = TEMPLATES[expr.getText()];
      if (expansion) {
        for (const name of expansion) found.names.add(name);
      } else found.problems.push(`${where(expr)}: an action template the test does not know: ${expr.getText()}`);
      return;
    }
    if (ts.isIdentifier(expr)) {
      const parameterOf = enclosingFunctionParameter(expr);
      if (parameterOf) {
        const { name, index } = parameterOf;
        let calls = 0;
        walk(expr.getSourceFile(), (n) => {
          if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === name && n.arguments[index]) {
            calls += 1;
            evaluate(n.arguments[index]!, depth + 1);
          }
        });
        if (calls === 0) found.problems.push(`${where(expr)}: no call of ${name} in its file gives the action`);
        return;
      }
      const value = constants.get(expr.text);
      if (value !== undefined) return void found.names.add(value);
    }
    found.problems.push(`${where(expr)}: cannot read the action ${expr.getText()}`);
  };

  /** When an identifier is a parameter of the function it is used in: that function's name and the parameter's index. */
  const enclosingFunctionParameter = (id: ts.Identifier): { name: string; index: number } | null => {
    for (let n: ts.Node | undefined = id.parent; n; n = n.parent) {
      if (ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n) || ts.isArrowFunction(n)) {
        const index = n.parameters.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === id.text);
        if (index < 0) continue;
        let name: string | undefined;
        if (ts.isFunctionDeclaration(n)) name = n.name?.text;
        else if (ts.isVariableDeclaration(n.parent) && ts.isIdentifier(n.parent.name)) name = n.parent.name.text;
        return name ? { name, index } : null;
      }
    }
    return null;
  };

  for (const source of files) {
    if (source.fileName.endsWith(path.join("lib", "audit.ts")) || source.fileName.endsWith(path.join("lib", "services", "mutation.ts"))) continue;
    walk(source, (n) => {
      if (!ts.isCallExpression(n) || !ts.isIdentifier(n.expression)) return;
      // writeAudit(executor, actor, entry); a service's mutation(actor, defaults, run) and the rows of its audit(row):
      // in those two the action may be left to the defaults (or to each row).
      const at = { writeAudit: 2, mutation: 1, audit: 0 }[n.expression.text];
      if (at === undefined) return;
      const optional = n.expression.text !== "writeAudit";
      const entry = n.arguments[at];
      if (optional && !entry) return;
      if (!entry || !ts.isObjectLiteralExpression(entry)) return void found.problems.push(`${where(n)}: the audit entry is not written out`);
      const property = entry.properties.find((p) => p.name && ts.isIdentifier(p.name) && p.name.text === "action");
      if (!property && optional) return;
      if (!property) return void found.problems.push(`${where(n)}: no action`);
      if (ts.isPropertyAssignment(property)) evaluate(property.initializer);
      else if (ts.isShorthandPropertyAssignment(property)) evaluate(property.name);
      else found.problems.push(`${where(n)}: cannot read the action`);
    });
  }
  return found;
}

describe("the audit action catalog", () => {
  const written = auditActionsWritten();

  it("reads every writeAudit call's action", () => {
    expect(written.problems).toEqual([]);
    // The scan finds what it should: literals, both sides of conditions, constants, parameters, templates.
    for (const name of [
      "auth.sign_in_failed",
      "user.disable",
      "user.enable",
      "account.password_change_failed",
      "report.accept",
      "report.return_to_filer",
      "escalation.interview",
      "auth.refused",
      "audit.export",
    ]) {
      expect(written.names).toContain(name);
    }
    expect(written.names.size).toBeGreaterThan(80);
  });

  it("labels every action written anywhere in lib/ and app/", () => {
    const unlabelled = [...written.names].filter((name) => !isKnownAuditAction(name)).sort();
    expect(unlabelled).toEqual([]);
  });

  it("labels the sign-in and session events, including those being added", () => {
    for (const name of [
      "auth.sign_in",
      "auth.sign_in_failed",
      "auth.sign_in_throttled",
      "auth.refused",
      "auth.sign_out",
      "auth.sessions_ended",
      "auth.second_factor_failed",
      "auth.second_factor_enabled",
      "auth.second_factor_disabled",
      "auth.second_factor_reset",
      "auth.recovery_code_used",
      "settings.update",
    ]) {
      expect(isKnownAuditAction(name)).toBe(true);
      expect(auditActionLabel(name)).toMatch(/\p{Script=Han}/u);
    }
    expect(Object.keys(auditActionGroup("auth")!.actions)).toContain("auth.sign_out");
    expect(auditActionGroup("auth")!.label).toBe("登录与会话");
  });

  it("puts each action in exactly one group, with a Chinese label; unknown names are shown raw", () => {
    const all = AUDIT_ACTION_GROUPS.flatMap((g) => Object.keys(g.actions));
    expect(new Set(all).size).toBe(all.length);
    expect(knownAuditActions()).toHaveLength(all.length);
    for (const g of AUDIT_ACTION_GROUPS) {
      expect(g.label).toMatch(/\p{Script=Han}/u);
      for (const label of Object.values(g.actions)) expect(label).toMatch(/\p{Script=Han}/u);
    }
    expect(auditActionLabel("future.thing")).toBe("future.thing");
    expect(auditEntityLabel("progress_report")).toBe("报告");
    expect(auditEntityLabel("something_new")).toBe("something_new");
  });
});
