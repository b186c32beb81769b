import { render } from 'preact';
import '../../components/notes/notes.css';
import '../../components/library/library.css';
import '../../components/library/library-controls.css';
import '../../components/library/library-lists.css';
import { App } from './App';
import { localizePage } from '../../components/i18n';

localizePage(document);

const root = document.getElementById('app');
if (root) render(<App />, root);
