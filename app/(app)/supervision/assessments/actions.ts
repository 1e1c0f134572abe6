"use server";
/** The office's 考核 actions: create a rubric, adjust a score, open to units, answer objections, publish. The services check again. */
import { serviceAction, type StalePath } from "@/lib/server/pipeline/define-action";
import { adjustScoreSchema, answerObjectionSchema, assessmentIdSchema, createAssessmentSchema } from "@/lib/services/assessment-schemas";
import { adjustScore, answerObjection, createAssessment, openAssessment, publishAssessment } from "@/lib/services/assessments";

const policy = "assessment.manage";
const lists: StalePath[] = ["/supervision/assessments", "/assessments"];
const pages: StalePath[] = [...lists, ["/supervision/assessments", "layout"], ["/assessments", "layout"]];

export const createAssessmentAction = serviceAction({ name: "assessment.create", schema: createAssessmentSchema, policy, revalidate: lists }, createAssessment);

export const adjustScoreAction = serviceAction({ name: "assessment.adjust", schema: adjustScoreSchema, policy, revalidate: pages }, adjustScore);

export const openAssessmentAction = serviceAction({ name: "assessment.open", schema: assessmentIdSchema, policy, revalidate: pages }, openAssessment);

export const answerObjectionAction = serviceAction(
  { name: "assessment.answer_objection", schema: answerObjectionSchema, policy, revalidate: pages },
  answerObjection,
);

export const publishAssessmentAction = serviceAction(
  { name: "assessment.publish", schema: assessmentIdSchema, policy, revalidate: [...pages, "/notices", "/supervision/notices"] },
  publishAssessment,
);
