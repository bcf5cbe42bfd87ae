"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ChannelSettingEntity = void 0;
const typeorm_1 = require("typeorm");
/**
 * The provider of one channel of a project. `settings` is libs/channels' ChannelSettings with its
 * secret fields sealed (AES-256-GCM); no row means the sandbox.
 */
let ChannelSettingEntity = class ChannelSettingEntity {
    projectId;
    channel;
    provider;
    settings;
    updatedAt;
};
exports.ChannelSettingEntity = ChannelSettingEntity;
__decorate([
    (0, typeorm_1.PrimaryColumn)({ name: 'project_id', type: 'uuid' }),
    __metadata("design:type", String)
], ChannelSettingEntity.prototype, "projectId", void 0);
__decorate([
    (0, typeorm_1.PrimaryColumn)({ type: 'text' }),
    __metadata("design:type", String)
], ChannelSettingEntity.prototype, "channel", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], ChannelSettingEntity.prototype, "provider", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'jsonb' }),
    __metadata("design:type", Object)
], ChannelSettingEntity.prototype, "settings", void 0);
__decorate([
    (0, typeorm_1.UpdateDateColumn)({ name: 'updated_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], ChannelSettingEntity.prototype, "updatedAt", void 0);
exports.ChannelSettingEntity = ChannelSettingEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'channel_settings' }),
    (0, typeorm_1.Check)('channel_settings_channel_check', "channel IN ('push', 'email', 'whatsapp', 'sms', 'webhook')")
    // Expression index on settings->>'phoneNumberId', managed by the migration alone.
    ,
    (0, typeorm_1.Index)('channel_settings_whatsapp_phone', { synchronize: false })
], ChannelSettingEntity);
//# sourceMappingURL=channel-setting.entity.js.map