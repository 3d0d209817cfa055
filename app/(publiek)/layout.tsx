import { PublicHeader } from '@/components/ui/public-header';

export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <PublicHeader />
      <main id="inhoud" className="inhoud">
        {children}
      </main>
    </>
  );
}
