export default function Loading() {
  return <p className="py-12 text-center text-stone-500">加载中…</p>;
}
