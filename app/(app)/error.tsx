"use client";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <div role="alert" className="rounded border border-red-200 bg-red-50 p-6 text-red-800">
      <h2 className="text-lg font-semibold">页面暂时无法显示</h2>
      <p className="mt-2 text-sm">可能是网络或数据库暂时不可用。您填写的内容不会因此丢失，请稍后重试。</p>
      <button type="button" onClick={reset} className="mt-4 rounded bg-red-700 px-3 py-1.5 text-sm text-white">
        重试
      </button>
    </div>
  );
}
