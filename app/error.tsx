"use client";

export default function RootError({ reset }: { error: Error; reset: () => void }) {
  return (
    <main role="alert" className="mx-auto max-w-xl px-4 py-24 text-center">
      <h1 className="text-2xl font-semibold">服务暂时不可用</h1>
      <p className="mt-2 text-stone-600">可能是网络或数据库暂时中断，系统恢复后即可继续使用。您在页面上填写的内容不会因此丢失。</p>
      <button type="button" onClick={reset} className="mt-6 rounded bg-brand-700 px-4 py-2 text-white">
        重试
      </button>
    </main>
  );
}
