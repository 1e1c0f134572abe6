/** Passwords that appear at the top of every leaked-password list (and the Chinese favourites). */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  "12345678", "123456789", "1234567890", "87654321", "11111111", "00000000", "88888888", "66666666",
  "12341234", "11223344", "123123123", "12344321", "147258369", "123454321", "1qaz2wsx", "qwertyui",
  "password", "password1", "password123", "passw0rd", "p@ssw0rd", "iloveyou", "sunshine", "princess",
  "qwerty123", "qwertyuiop", "asdfghjk", "zxcvbnm1", "abc12345", "abcd1234", "a1234567", "a12345678",
  "aa123456", "qq123456", "woaini1314", "5201314520", "1314520520", "admin123", "admin1234", "administrator",
  "root1234", "welcome1", "letmein1", "football", "baseball", "superman", "trustno1", "dragon123",
  "monkey123", "changeme", "default1", "test1234", "zhang123", "wang1234", "li123456", "luoshi123",
  "luoshi2022", "12qwaszx", "1q2w3e4r", "1q2w3e4r5t", "q1w2e3r4", "zaq12wsx", "!qaz2wsx", "123qweasd",
  "qweasdzxc", "asd123456", "aaaaaaaa", "abcdefgh", "00001111", "99999999", "20222022", "20212021",
]);
