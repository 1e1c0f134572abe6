import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-4 py-24 text-center">
      <h1 className="text-2xl font-semibold">未找到该页面</h1>
      <p className="mt-2 text-stone-600">该记录不存在，或您无权查看。</p>
      <Link href="/" className="mt-6 inline-block text-brand-700 hover:underline">
        返回首页
      </Link>
    </main>
  );
}
