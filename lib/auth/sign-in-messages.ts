/** What the sign-in form is told about the second factor: shared by the server and the form (which then shows the code field). */

/** After the right password, for an account with a second factor. */
export const SECOND_FACTOR_NEEDED = "请输入动态验证码";
export const WRONG_SECOND_FACTOR = "动态验证码不正确或已使用过，请输入验证器中当前显示的 6 位数字，或一个未用过的恢复码";
