/** Where a file is posted: a report's, a cooperating unit's input's or a rectification's upload route. Pure (server and client). */
type Target = { taskId: number; periodIndex: number };

export const reportUploadUrl = (t: Target) => `/api/reports/${t.taskId}/${t.periodIndex}/attachments`;
export const contributionUploadUrl = (t: Target) => `/api/contributions/${t.taskId}/${t.periodIndex}/attachments`;
export const rectificationUploadUrl = (id: number) => `/api/rectifications/${id}/attachments`;
