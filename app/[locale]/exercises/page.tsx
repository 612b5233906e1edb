import { getTranslations, setRequestLocale } from 'next-intl/server';
import ComingSoon from '@/components/ui/ComingSoon';

export default async function Page({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const [nav, placeholder] = await Promise.all([
    getTranslations('nav'),
    getTranslations('placeholder'),
  ]);
  return <ComingSoon title={nav('exercises')} body={placeholder('exercises')} />;
}
