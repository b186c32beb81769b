import { render } from 'preact';
import '../../components/card.css';
import '../../components/notes/notes.css';
import '../../components/sidebar/sidebar.css';
import { Sidebar } from '../../components/sidebar/Sidebar';
import { browserDeps } from './deps';
import { localizePage } from '../../components/i18n';
import { t } from '../../lib/i18n';

/** The context sidebar: Chrome's side panel, Firefox's sidebar_action (one WXT entrypoint). */
localizePage(document, t('sbPageTitle'));
const root = document.getElementById('app');
if (root) render(<Sidebar deps={browserDeps(location.search)} />, root);
