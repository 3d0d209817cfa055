import { NotFoundText } from '@/components/ui/not-found-text';
import { PublicHeader } from '@/components/ui/public-header';

export default function NotFound() {
  return (
    <>
      <PublicHeader />
      <main id="inhoud" className="inhoud">
        <NotFoundText />
      </main>
    </>
  );
}
