import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module';
import { CommandsModule } from '../commands/commands.module';
import { RuleEngine } from './rule-engine.service';
import { RulesController } from './rules.controller';
import { RulesService } from './rules.service';

@Module({ imports: [AlertsModule, CommandsModule], controllers: [RulesController], providers: [RulesService, RuleEngine], exports: [RuleEngine] })
export class RulesModule {}
