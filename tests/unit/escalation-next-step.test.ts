/** The next escalation step the ledger suggests: each rule at its edges. */
import { describe, expect, it } from "vitest";
import { suggestNextStep, type LedgerFacts, type LedgerStepFact } from "@/lib/escalation/next-step";

const AT = new Date("2022-06-20T02:00:00Z"); // 2022-06-20 10:00 Shanghai, period 12
const days = (n: number) => new Date(AT.getTime() + n * 24 * 3600 * 1000);

function facts(partial: Partial<LedgerFacts>): LedgerFacts {
  return { at: AT, currentPeriod: 12, reminders: [], steps: [], misses: [], rectifications: [], ...partial };
}

const reminder = (periodIndex: number, at: Date) => ({ periodIndex, at });
const step = (s: LedgerStepFact["step"], createdAt: Date, extra: Partial<LedgerStepFact> = {}): LedgerStepFact => ({
  step: s,
  createdAt,
  deadline: null,
  explainedAt: null,
  ...extra,
});

describe("督办函 after reminders", () => {
  it("nothing on record: no suggestion", () => {
    expect(suggestNextStep(facts({}))).toBeNull();
  });

  it("2 reminders in the last 3 periods: not yet", () => {
    expect(suggestNextStep(facts({ reminders: [reminder(11, days(-5)), reminder(12, days(-1))] }))).toBeNull();
  });

  it("3 reminders in the last 3 periods (12, 11, 10): 督办函", () => {
    const s = suggestNextStep(facts({ reminders: [reminder(10, days(-20)), reminder(11, days(-5)), reminder(12, days(-1))] }));
    expect(s).toMatchObject({ step: "supervision_letter", label: "督办函" });
    expect(s?.reason).toContain("3 次");
  });

  it("two reminders of the same period count twice", () => {
    expect(suggestNextStep(facts({ reminders: [reminder(11, days(-6)), reminder(11, days(-5)), reminder(12, days(-1))] }))?.step).toBe("supervision_letter");
  });

  it("a reminder 3 periods back (period 9) is outside the window", () => {
    expect(suggestNextStep(facts({ reminders: [reminder(9, days(-35)), reminder(11, days(-5)), reminder(12, days(-1))] }))).toBeNull();
  });

  it("a 督办函 after those reminders resets the count", () => {
    const reminders = [reminder(10, days(-20)), reminder(11, days(-5)), reminder(12, days(-2))];
    expect(suggestNextStep(facts({ reminders, steps: [step("supervision_letter", days(-1), { deadline: days(5) })] }))).toBeNull();
    // …and three more after it suggest another one.
    const more = [...reminders, reminder(12, days(-0.5)), reminder(12, days(-0.4)), reminder(12, days(-0.3))];
    expect(suggestNextStep(facts({ reminders: more, steps: [step("supervision_letter", days(-1), { deadline: days(5) })] }))?.step).toBe("supervision_letter");
  });
});

describe("约谈 after a 督办函 past its deadline", () => {
  it("deadline not reached: nothing", () => {
    expect(suggestNextStep(facts({ steps: [step("supervision_letter", days(-3), { deadline: days(1) })] }))).toBeNull();
  });

  it("deadline passed without an explanation: 约谈", () => {
    expect(suggestNextStep(facts({ steps: [step("supervision_letter", days(-10), { deadline: days(-1) })] }))).toMatchObject({
      step: "interview",
      label: "约谈",
    });
  });

  it("deadline passed but the unit explained: nothing", () => {
    expect(suggestNextStep(facts({ steps: [step("supervision_letter", days(-10), { deadline: days(-1), explainedAt: days(-2) })] }))).toBeNull();
  });

  it("an interview already held after the letter: no second one", () => {
    expect(
      suggestNextStep(
        facts({ steps: [step("supervision_letter", days(-10), { deadline: days(-1) }), step("interview", days(-0.5), { deadline: days(-0.5) })] }),
      ),
    ).toBeNull();
  });
});

describe("通报批评 after an interview with continuing misses", () => {
  const interview = step("interview", days(-10), { deadline: days(-10) });

  it("a miss due after the interview: 通报批评", () => {
    expect(suggestNextStep(facts({ steps: [interview], misses: [{ periodIndex: 11, dueAt: days(-4) }] }))).toMatchObject({
      step: "criticism",
      label: "通报批评",
    });
  });

  it("misses due before the interview do not count", () => {
    expect(suggestNextStep(facts({ steps: [interview], misses: [{ periodIndex: 10, dueAt: days(-20) }] }))).toBeNull();
  });

  it("a criticism already published after the interview: nothing more for that", () => {
    expect(suggestNextStep(facts({ steps: [interview, step("criticism", days(-2))], misses: [{ periodIndex: 11, dueAt: days(-4) }] }))).toBeNull();
  });
});

describe("问责 after a criticism with an overdue rectification", () => {
  const criticism = step("criticism", days(-20));

  it("rectification pending past its due time: 问责", () => {
    expect(suggestNextStep(facts({ steps: [criticism], rectifications: [{ dueAt: days(-1), status: "pending" }] }))).toMatchObject({
      step: "accountability",
      label: "问责",
    });
  });

  it("a returned rectification past its due time also counts", () => {
    expect(suggestNextStep(facts({ steps: [criticism], rectifications: [{ dueAt: days(-1), status: "returned" }] }))?.step).toBe("accountability");
  });

  it("rectification still before its due time, or filed, or accepted: nothing", () => {
    expect(suggestNextStep(facts({ steps: [criticism], rectifications: [{ dueAt: days(1), status: "pending" }] }))).toBeNull();
    expect(suggestNextStep(facts({ steps: [criticism], rectifications: [{ dueAt: days(-1), status: "submitted" }] }))).toBeNull();
    expect(suggestNextStep(facts({ steps: [criticism], rectifications: [{ dueAt: days(-1), status: "accepted" }] }))).toBeNull();
  });

  it("an overdue rectification without any criticism on the ledger: nothing", () => {
    expect(suggestNextStep(facts({ rectifications: [{ dueAt: days(-1), status: "pending" }] }))).toBeNull();
  });

  it("accountability already recorded after the criticism: nothing", () => {
    expect(
      suggestNextStep(facts({ steps: [criticism, step("accountability", days(-0.5))], rectifications: [{ dueAt: days(-1), status: "pending" }] })),
    ).toBeNull();
  });

  it("the most serious rule wins when several apply", () => {
    const s = suggestNextStep(
      facts({
        reminders: [reminder(10, days(-20)), reminder(11, days(-5)), reminder(12, days(-1))],
        steps: [step("supervision_letter", days(-30), { deadline: days(-25) }), criticism],
        rectifications: [{ dueAt: days(-1), status: "pending" }],
      }),
    );
    expect(s?.step).toBe("accountability");
  });
});
