import type { MetadataRoute } from 'next';

/** The portal is not for search engines: nothing of it is to be indexed (its pages also say noindex). */
export default function robots(): MetadataRoute.Robots {
  return { rules: { userAgent: '*', disallow: '/' } };
}
