import { useTranslation } from 'react-i18next';
import { useNavigationStore } from './navigation-store';
import { PAGE_IDS } from './pages';

export function Navigation() {
  const { t } = useTranslation('app');
  const page = useNavigationStore((s) => s.page);
  const go = useNavigationStore((s) => s.go);
  return (
    <nav className="app-nav" aria-label={t('nav.label')}>
      <ul>
        {PAGE_IDS.map((id) => (
          <li key={id}>
            <button type="button" className="app-nav__item" aria-current={page === id ? 'page' : undefined} onClick={() => go(id)} data-testid={`nav-${id}`}>
              <span className={`app-nav__icon app-nav__icon--${id}`} aria-hidden="true" />
              {t(`nav.${id}`)}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
