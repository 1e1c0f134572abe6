/** Where a file is posted: a report's or a cooperating unit's input's upload route. Pure (server and client). */
type Target = { taskId: number; periodIndex: number };

export const reportUploadUrl = (t: Target) => `/api/reports/${t.taskId}/${t.periodIndex}/attachments`;
export const contributionUploadUrl = (t: Target) => `/api/contributions/${t.taskId}/${t.periodIndex}/attachments`;
