import './base.css';
import './card.css';
import './panel-tools.css';
