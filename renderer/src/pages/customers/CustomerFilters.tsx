/** The explorer's filters (search, branch, channel, plan, tier, negative, scored) over any customer list store. */
import { useTranslation } from 'react-i18next';
import { tierLabel } from '../../components/charts/tier-label';
import { useLang } from '../../i18n';
import type { CustomerFilter, CustomerListSource } from '../../stores/customer-list';

const CHOICE_FILTERS = ['branch', 'channel', 'plan', 'tier'] as const;
const FLAG_FILTERS = ['negative', 'eligible'] as const;

function flagValue(flag: boolean | undefined): string {
  return flag === undefined ? '' : flag ? 'yes' : 'no';
}

export function CustomerFilters({ store }: { readonly store: CustomerListSource }) {
  const { t } = useTranslation('customers');
  const lang = useLang();
  const filter = store((s) => s.filter);
  const choices = store((s) => s.choices);
  const setFilter = (patch: Partial<CustomerFilter>) => void store.getState().setFilter(patch);
  const anySet = Object.keys(filter).length > 0;
  return (
    <form className="filters" aria-label={t('filters.label')} onSubmit={(e) => e.preventDefault()}>
      <label className="field filter">
        <span className="field__label">{t('filters.search')}</span>
        <input type="search" className="input" data-testid="customers-search" value={filter.search ?? ''} placeholder={t('filters.searchPlaceholder')} onChange={(e) => setFilter({ search: e.currentTarget.value })} />
      </label>
      {CHOICE_FILTERS.map((name) => (
        <label className="field filter" key={name}>
          <span className="field__label">{t(`filters.${name}`)}</span>
          <select className="select" data-testid={`filter-${name}`} value={filter[name] ?? ''} onChange={(e) => setFilter({ [name]: e.currentTarget.value })}>
            <option value="">{t('filters.all')}</option>
            {(choices?.[name] ?? []).map((choice) => (
              <option key={choice} value={choice}>
                {name === 'tier' ? tierLabel(choice, lang) : choice}
              </option>
            ))}
          </select>
        </label>
      ))}
      {FLAG_FILTERS.map((name) => (
        <label className="field filter" key={name}>
          <span className="field__label">{t(`filters.${name}`)}</span>
          <select className="select" data-testid={`filter-${name}`} value={flagValue(filter[name])} onChange={(e) => setFilter({ [name]: e.currentTarget.value === '' ? undefined : e.currentTarget.value === 'yes' })}>
            <option value="">{t('filters.all')}</option>
            <option value="yes">{t('filters.yes')}</option>
            <option value="no">{t('filters.no')}</option>
          </select>
        </label>
      ))}
      <button type="button" className="btn" disabled={!anySet} onClick={() => setFilter(Object.fromEntries(Object.keys(filter).map((k) => [k, undefined])))}>
        {t('filters.clear')}
      </button>
    </form>
  );
}
