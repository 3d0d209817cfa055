import { NotFoundText } from '@/components/ui/not-found-text';

/** A missing object inside the portal (another tenant's id, a removed upload): in the portal's own layout. */
export default function PortalNotFound() {
  return <NotFoundText />;
}
